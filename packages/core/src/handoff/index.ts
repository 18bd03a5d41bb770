export { listHandoffs, countHandoffs, ZListHandoffsInput, ZHandoffView, type THandoffSummary, type TListHandoffsInput } from './list-handoffs';
export { claimHandoff, assignHandoff, unassignHandoff, resolveHandoff, returnHandoffToAi, ZHandoffIdInput, ZAssignHandoffInput, type TWithEvents } from './claim-handoff';
export { getConversationForAgent, ZConversationIdInput, type TAgentConversation, type TAgentMessage, type TTraceSummary } from './get-conversation-for-agent';
export { replyAsAgent, addInternalNote, ZAgentMessageInput, type TAgentMessageInput, type TAgentPosted } from './reply-as-agent';
export { getInboxSettings, updateInboxSettings, ZInboxSettingsInput, DEFAULT_SLA, type TInboxSettings } from './inbox-settings';
export { setPresence, listOnlineUserIds, ZPresenceInput, PRESENCE_TTL_MS } from './presence';
export { routeNewHandoff, announceCustomerTurn, type TRouted } from './route-new-handoff';
export { listTeammates, type TTeammate } from './teammates';
export { VAULTED_TYPES, vaultOperators, conversationVaultKey, storeVaultEntries, revealPlaceholder, listVaultedPlaceholders, ZRevealInput } from './pii-vault';
export {
  listCannedResponses,
  createCannedResponse,
  updateCannedResponse,
  deleteCannedResponse,
  ZCannedResponseInput,
  ZUpdateCannedResponseInput,
  ZCannedResponseIdInput,
  type TCannedResponse,
} from './canned-responses';
export { listConversations, listConversationFilters, ZListConversationsInput, type TConversationSummary, type TListConversationsInput } from './list-conversations';
export { leaveContactEmail, ZLeaveContactEmailInput } from './leave-contact-email';
