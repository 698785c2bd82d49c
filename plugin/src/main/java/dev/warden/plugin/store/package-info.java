/**
 * The public store API: the queue of held comments ({@link dev.warden.plugin.store.HeldCommentStore}), the
 * article registry ({@link dev.warden.plugin.store.ArticleRegistry}) and poster suspensions ({@link
 * dev.warden.plugin.store.PosterSuspensions}). The admin UI uses only this package.
 */
package dev.warden.plugin.store;
