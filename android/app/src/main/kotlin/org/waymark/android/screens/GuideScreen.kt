package org.waymark.android

import java.time.Instant
import org.waymark.core.Action
import org.waymark.core.ArticleView
import org.waymark.core.GuideView
import org.waymark.core.Waymark

/** The guide's sections and their articles. */
class GuideScreen : Screen<GuideView>() {
    override fun load(core: Waymark, now: Instant): GuideView = core.guide()

    override fun render(ui: Ui, model: GuideView) = column(ui.context) {
        title(model.title)
        for (section in model.sections) {
            heading(section.title)
            note(section.summary)
            for (article in section.articles) {
                button(article.title) { ui.perform(Action.OpenArticle(article.id)) }
            }
        }
    }
}

/** One article, block by block, with the previous and next articles. */
class ArticleScreen(private val id: String) : Screen<ArticleView>() {
    override fun load(core: Waymark, now: Instant): ArticleView = core.article(id)

    override fun render(ui: Ui, model: ArticleView) = column(ui.context) {
        note(model.sectionTitle)
        title(model.title)
        note(model.summary)
        listen(ui) { it.speakableArticle(id) }
        blocks(model.blocks, ui)
        model.previous?.let { previous ->
            button("${model.previousLabel}: ${previous.title}") {
                ui.replace(ArticleScreen(previous.id))
            }
        }
        model.next?.let { next ->
            button("${model.nextLabel}: ${next.title}") { ui.replace(ArticleScreen(next.id)) }
        }
    }
}
