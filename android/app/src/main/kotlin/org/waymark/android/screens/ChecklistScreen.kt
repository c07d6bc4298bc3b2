package org.waymark.android

import android.graphics.Rect
import android.widget.CheckBox
import java.time.Instant
import org.waymark.core.Action
import org.waymark.core.ChecklistView
import org.waymark.core.Waymark

/** The pre-departure checklist: tick, untick, add and remove the person's own items. */
class ChecklistScreen(private val scrollTo: String? = null) : Screen<ChecklistView>() {
    override fun load(core: Waymark, now: Instant): ChecklistView = core.checklist()

    override fun render(ui: Ui, model: ChecklistView) = column(ui.context) {
        title(model.title)
        text(model.progress.label)
        for (item in model.items) {
            val box = add(CheckBox(context).apply {
                text = "${item.number}. ${item.title}"
                isChecked = item.done
                setOnClickListener {
                    ui.call({ core ->
                        if (item.done) core.checklistUndo(item.id)
                        else core.checklistMarkDone(item.id, AppClock.now())
                    }) { ui.reload() }
                }
            })
            group {
                item.why?.let { text("${model.whyLabel}: $it") }
                item.how?.let { text("${model.howLabel}: $it") }
                note(item.doneLabel)
                listen(ui) { it.speakableChecklistItem(item.id) }
                item.article?.let { article ->
                    button("${model.readMoreLabel}: ${article.title}") {
                        ui.perform(Action.OpenArticle(article.id))
                    }
                }
                if (item.isOwn) {
                    button(ui.texts.remove) {
                        ui.call({ it.checklistRemoveOwnItem(item.id) }) { ui.reload() }
                    }
                }
            }
            if (item.id == scrollTo) {
                box.post { box.requestRectangleOnScreen(Rect(0, 0, box.width, box.height), true) }
            }
        }
        if (model.canAddOwnItem) {
            val field = field(ui.texts.add)
            button(ui.texts.add) {
                val text = field.text.toString()
                ui.call({ it.checklistAddOwnItem(text, AppClock.now()) }) { ui.reload() }
            }
        }
    }
}
