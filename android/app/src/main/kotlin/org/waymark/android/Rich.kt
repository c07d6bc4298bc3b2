package org.waymark.android

import android.graphics.Color
import android.graphics.Typeface
import android.graphics.drawable.GradientDrawable
import android.text.SpannableStringBuilder
import android.text.Spanned
import android.text.method.LinkMovementMethod
import android.text.style.BulletSpan
import android.text.style.ClickableSpan
import android.text.style.StyleSpan
import android.view.View
import android.widget.TextView
import org.waymark.core.Block
import org.waymark.core.CalloutTone
import org.waymark.core.RichText

/** Renders an article's blocks: headings, paragraphs, lists and callouts, with working links. */
fun Column.blocks(blocks: List<Block>, ui: Ui) {
    for (block in blocks) {
        when (block) {
            is Block.Heading -> heading(block.text)
            is Block.Paragraph -> rich(block.text, ui)
            is Block.BulletList -> block.items.forEach { rich(it, ui, bullet = true) }
            is Block.NumberedList -> block.items.forEachIndexed { index, item ->
                rich(item, ui, prefix = "${index + 1}. ")
            }
            is Block.Callout -> group {
                view.background = GradientDrawable().apply {
                    setColor(toneColour(block.tone))
                    cornerRadius = dp(8).toFloat()
                }
                view.setPadding(dp(12), dp(8), dp(12), dp(8))
                heading(block.label)
                block.paragraphs.forEach { rich(it, ui) }
            }
        }
    }
}

/** One paragraph of rich text; a linked span performs its action when tapped. */
fun Column.rich(text: RichText, ui: Ui, bullet: Boolean = false, prefix: String = ""): TextView {
    val built = SpannableStringBuilder(prefix)
    for (span in text.spans) {
        val start = built.length
        built.append(span.text)
        val end = built.length
        if (span.strong) built.setSpan(StyleSpan(Typeface.BOLD), start, end, Spanned.SPAN_EXCLUSIVE_EXCLUSIVE)
        if (span.emphasis) built.setSpan(StyleSpan(Typeface.ITALIC), start, end, Spanned.SPAN_EXCLUSIVE_EXCLUSIVE)
        span.link?.let { action ->
            built.setSpan(
                object : ClickableSpan() {
                    override fun onClick(widget: View) = ui.perform(action)
                },
                start,
                end,
                Spanned.SPAN_EXCLUSIVE_EXCLUSIVE,
            )
        }
    }
    if (bullet) built.setSpan(BulletSpan(dp(8)), 0, built.length, Spanned.SPAN_INCLUSIVE_EXCLUSIVE)
    val view = text(built) ?: add(TextView(context))
    if (text.spans.any { it.link != null }) view.movementMethod = LinkMovementMethod.getInstance()
    return view
}

/** A soft background per callout tone, readable in light and dark themes. */
private fun toneColour(tone: CalloutTone): Int = when (tone) {
    CalloutTone.NOTE -> Color.argb(40, 120, 120, 120)
    CalloutTone.TIP -> Color.argb(40, 40, 160, 80)
    CalloutTone.IMPORTANT -> Color.argb(50, 40, 100, 220)
    CalloutTone.WARNING -> Color.argb(60, 230, 140, 20)
}
