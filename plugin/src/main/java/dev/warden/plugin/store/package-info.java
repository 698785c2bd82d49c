/**
 * The public store API: the queue of held comments ({@link dev.warden.plugin.store.HeldCommentStore}) with the
 * commenters' status links, the article registry ({@link dev.warden.plugin.store.ArticleRegistry}), poster
 * suspensions ({@link dev.warden.plugin.store.PosterSuspensions}) and the audit trail ({@link
 * dev.warden.plugin.store.AuditTrail}). The admin UI uses only this package.
 */
package dev.warden.plugin.store;
