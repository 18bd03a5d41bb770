export { AppError, isAppError, isUniqueViolation, type TAppErrorCode } from './errors';
export { actorId, type TActor } from './actor';
export * as audit from './audit';
export * as compliance from './compliance';
export { createTenant, ZCreateTenantInput, ZTenantSlug, type TCreatedTenant } from './tenant/create-tenant';
export { addMember, type TAddedMember } from './member/add-member';
export { ensureUser, type TEnsuredUser } from './member/ensure-user';
export * from './agent/index';
export { checkHealth, type THealth } from './system/check-health';
export { getTenantOverview, type TTenantOverview } from './tenant/get-tenant-overview';
export * from './security/index';
export * from './api-key/index';
export { listMembers, updateMemberRoles, removeMember, ZUpdateMemberRolesInput, ZRoles, type TMemberSummary } from './member/manage-members';
export {
  createInvitation,
  listInvitations,
  revokeInvitation,
  previewInvitation,
  acceptInvitation,
  ZCreateInvitationInput,
  ZAcceptInvitationInput,
  ZInvitationToken,
  type TInvitationSummary,
} from './member/invitations';
export { assertMayAssignRoles } from './member/role-rights';
export * from './account/index';
export { uploadSource, ZUploadSourceInput, ZUserUploadInput, type TUploadedVersion } from './knowledge/upload-source';
export { reviewSourceVersion, ZReviewInput } from './knowledge/review-source-version';
export { ingestSourceVersion, markIngestionFailed, type TIngestOutcome, type TProgressReporter } from './knowledge/ingest-source-version';
export { parseDocument, normalizeText, mimeTypeOf, MAX_UPLOAD_BYTES, MAX_PDF_PAGES, SUPPORTED_TYPES } from './knowledge/parse-document';
export { listSources, getSource, getSourceVersionText, type TSourceSummary, type TSourceVersionSummary } from './knowledge/list-sources';
export { searchKnowledge, ZSearchKnowledgeInput } from './knowledge/search-knowledge';
export { requestReingestion } from './knowledge/request-reingestion';
export * from './sso/index';
export { crawlWebsite, ZCrawlOptions, type TCrawlOptions, type TCrawledPage, type TCrawlResult } from './knowledge/crawl-website';
export { importCrawledPages } from './knowledge/import-crawled-pages';
export { requestCrawl, type TCrawlRequest } from './knowledge/request-crawl';
export { listCrawlJobs, retryCrawlJob, type TCrawlJobSummary } from './knowledge/list-crawl-jobs';
export { addArticleSource, addFaqSource, ZAddArticleInput, ZAddFaqInput, ZFaqPair } from './knowledge/add-text-source';
export {
  getKnowledgeSettings,
  ensureKnowledgeSettings,
  requestKnowledgeReindex,
  tenantEmbeddings,
  embeddingsFor,
  ZRequestReindexInput,
  ZTextSearchConfig,
  TEXT_SEARCH_CONFIGS,
  type TKnowledgeSettings,
  type TTextSearchConfig,
} from './knowledge/knowledge-settings';
export { reembedTenant, markReindexFailed, type TReembedOutcome } from './knowledge/reembed-tenant';
export * from './conversation/index';
export * from './widget/index';
export * from './handoff/index';
export * from './tools/index';
export * from './realtime/index';
