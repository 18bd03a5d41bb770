export { listHandoffs, ZListHandoffsInput, ZHandoffView, type THandoffSummary, type TListHandoffsInput } from './list-handoffs';
export { claimHandoff, assignHandoff, unassignHandoff, resolveHandoff, ZHandoffIdInput, ZAssignHandoffInput } from './claim-handoff';
export { getConversationForAgent, ZConversationIdInput, type TAgentConversation, type TAgentMessage, type TTraceSummary } from './get-conversation-for-agent';
export { replyAsAgent, addInternalNote, ZAgentMessageInput, type TAgentMessageInput, type TAgentPosted } from './reply-as-agent';
