/**
 * The public store API: the queue of held comments ({@link dev.warden.plugin.store.HeldCommentStore}) with the
 * commenters' status links, the article registry ({@link dev.warden.plugin.store.ArticleRegistry}), poster
 * suspensions ({@link dev.warden.plugin.store.PosterSuspensions}), the audit trail ({@link
 * dev.warden.plugin.store.AuditTrail}), moderators' saved views ({@link dev.warden.plugin.store.SavedViews}), the
 * stats page's aggregates ({@link dev.warden.plugin.store.ModerationStats}) and a poster's data on request
 * ({@link dev.warden.plugin.store.PosterDataStore}). The admin UI uses only this package.
 */
package dev.warden.plugin.store;
