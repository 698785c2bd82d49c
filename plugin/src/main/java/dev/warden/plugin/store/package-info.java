/**
 * The public store API: the queue of held comments ({@link dev.warden.plugin.store.HeldCommentStore}) and the
 * article registry ({@link dev.warden.plugin.store.ArticleRegistry}). The admin UI uses only this package.
 */
package dev.warden.plugin.store;
