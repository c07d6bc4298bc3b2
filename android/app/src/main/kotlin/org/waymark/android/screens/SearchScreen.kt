package org.waymark.android

import android.graphics.Typeface
import android.os.Handler
import android.os.Looper
import android.text.Editable
import android.text.InputType
import android.text.SpannableStringBuilder
import android.text.Spanned
import android.text.TextWatcher
import android.text.style.StyleSpan
import android.view.inputmethod.EditorInfo
import android.widget.Button
import android.widget.EditText
import java.time.Instant
import org.waymark.core.SearchView
import org.waymark.core.TextPart
import org.waymark.core.Waymark
import org.waymark.core.WaymarkException

/** A pause in typing this long (ms) runs the search; each key press restarts the wait. */
private const val SEARCH_PAUSE_MS = 250L

/** What the results part shows: the core's results, or its reason for refusing the query. */
class SearchState(val view: SearchView?, val refused: String?)

/**
 * Search as the person types: after each pause in typing the core is asked again and its results
 * replace the last ones; a tap performs the result's action. The query stays with the screen, so
 * coming back from a result shows the same results.
 */
class SearchScreen : Screen<SearchState?>() {
    /** What the field holds; read on the core thread when the screen loads again. */
    @Volatile
    private var query = ""

    override fun load(core: Waymark, now: Instant): SearchState? = find(core, query)

    override fun render(ui: Ui, model: SearchState?) = column(ui.context) {
        val texts = ui.texts
        title(model?.view?.title ?: texts.searchTitle)
        val field = add(EditText(context).apply {
            hint = texts.searchHint
            inputType = InputType.TYPE_CLASS_TEXT
            imeOptions = EditorInfo.IME_ACTION_SEARCH
            setText(query)
            setSelection(text.length)
        })
        val results = section()
        results.found(ui, model)
        val main = Handler(Looper.getMainLooper())
        var pending: Runnable? = null
        // Added after setText, so showing the kept query does not search again.
        field.addTextChangedListener(object : TextWatcher {
            override fun beforeTextChanged(s: CharSequence?, start: Int, count: Int, after: Int) = Unit

            override fun onTextChanged(s: CharSequence?, start: Int, before: Int, count: Int) = Unit

            override fun afterTextChanged(s: Editable?) {
                val typed = s?.toString() ?: ""
                query = typed
                pending?.let { main.removeCallbacks(it) }
                if (typed.isBlank()) {
                    results.found(ui, null)
                    return
                }
                val search = Runnable {
                    Core.run(context, { core -> find(core, typed) }, { found ->
                        // Only the answer to what the field still holds, on a screen still shown.
                        if (query == typed && field.isAttachedToWindow) results.found(ui, found)
                    }, { error -> ui.toast(error.message ?: error.javaClass.simpleName) })
                }
                pending = search
                main.postDelayed(search, SEARCH_PAUSE_MS)
            }
        })
        if (query.isEmpty()) field.requestFocus()
    }

    /** Nothing for a blank query; the core's reason when it refuses one (too long, no word). */
    private fun find(core: Waymark, typed: String): SearchState? {
        if (typed.isBlank()) return null
        return try {
            SearchState(core.search(typed), null)
        } catch (e: WaymarkException.InvalidInput) {
            SearchState(null, e.shown)
        }
    }
}

/** Shows [found] in place of what this part showed: the results, the core's "nothing found"
 * text, or the reason the query was refused; nothing for a blank query (the field's hint says
 * what can be searched). */
private fun Column.found(ui: Ui, found: SearchState?) {
    view.removeAllViews()
    if (found == null) return
    found.refused?.let { reason ->
        note(reason)
        return
    }
    val shown = found.view ?: return
    if (shown.results.isEmpty()) {
        text(shown.emptyText)
        return
    }
    for (result in shown.results) {
        group {
            note(result.kindLabel)
            add(Button(context).apply {
                text = marked(result.titleParts)
                isAllCaps = false
                setOnClickListener { ui.perform(result.action) }
            })
            text(marked(result.snippet))?.setOnClickListener { ui.perform(result.action) }
        }
    }
}

/** The pieces joined, the found words in bold. */
private fun marked(parts: List<TextPart>): CharSequence {
    val out = SpannableStringBuilder()
    for (part in parts) {
        val start = out.length
        out.append(part.text)
        if (part.highlighted) {
            out.setSpan(StyleSpan(Typeface.BOLD), start, out.length, Spanned.SPAN_EXCLUSIVE_EXCLUSIVE)
        }
    }
    return out
}
