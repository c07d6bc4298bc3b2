package org.waymark.android

import android.content.Context
import android.graphics.Typeface
import android.text.InputType
import android.view.View
import android.view.ViewGroup
import android.widget.Button
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.TextView
import org.waymark.core.CalendarDay
import org.waymark.core.ZoneOption
import org.waymark.core.calendarDay
import org.waymark.core.calendarDayText

/** Builds a vertical list of views in code: no XML layouts, so nothing needs generated R. */
class Column(val context: Context) {
    val view: LinearLayout = LinearLayout(context).apply {
        orientation = LinearLayout.VERTICAL
        val pad = dp(16)
        setPadding(pad, pad, pad, pad)
    }

    fun dp(value: Int): Int = (value * context.resources.displayMetrics.density).toInt()

    fun <V : View> add(child: V): V {
        view.addView(
            child,
            LinearLayout.LayoutParams(
                ViewGroup.LayoutParams.MATCH_PARENT,
                ViewGroup.LayoutParams.WRAP_CONTENT,
            ).apply { topMargin = dp(6) },
        )
        return child
    }

    fun title(text: String): TextView = styled(text, 24f, Typeface.BOLD)

    fun heading(text: String): TextView = styled(text, 19f, Typeface.BOLD)

    /** Body text; nothing is added for null or empty text. */
    fun text(text: CharSequence?): TextView? =
        if (text.isNullOrEmpty()) null else styled(text, 16f, Typeface.NORMAL)

    /** Smaller, secondary text. */
    fun note(text: CharSequence?): TextView? =
        if (text.isNullOrEmpty()) null else styled(text, 14f, Typeface.ITALIC)

    fun button(label: String, onClick: () -> Unit): Button =
        add(Button(context).apply {
            text = label
            isAllCaps = false
            setOnClickListener { onClick() }
        })

    /** A labelled text field; [hint] explains what goes in it. */
    fun field(
        label: String,
        value: String = "",
        hint: String? = null,
        type: Int = InputType.TYPE_CLASS_TEXT,
    ): EditText {
        val named = styled14(label)
        val edit = add(EditText(context).apply {
            id = View.generateViewId()
            inputType = type
            setText(value)
        })
        // TalkBack reads the label when the field takes focus, as a person sees it above.
        named.labelFor = edit.id
        note(hint)
        return edit
    }

    /** A form label. */
    fun styled14(label: String): TextView = styled(label, 14f, Typeface.BOLD)

    /** A nested column, indented, for one item of a list. */
    fun group(build: Column.() -> Unit): LinearLayout {
        val inner = Column(context)
        inner.view.setPadding(dp(12), dp(4), 0, dp(8))
        inner.build()
        return add(inner.view)
    }

    private fun styled(text: CharSequence, size: Float, style: Int): TextView =
        add(TextView(context).apply {
            this.text = text
            textSize = size
            setTypeface(typeface, style)
            setTextIsSelectable(false)
        })
}

/** Builds a [Column] and returns its view. */
fun column(context: Context, build: Column.() -> Unit): View = Column(context).apply(build).view

/** Input types for PIN fields: digits, hidden. */
const val PIN_INPUT: Int = InputType.TYPE_CLASS_NUMBER or InputType.TYPE_NUMBER_VARIATION_PASSWORD

/** A part of a column that can be emptied and built again (a result that follows the answers). */
fun Column.section(): Column {
    val inner = Column(context)
    inner.view.setPadding(0, 0, 0, 0)
    add(inner.view)
    return inner
}

/** One radio button per option, labelled by the core; [chosen] gets the option's index. */
fun Column.choice(labels: List<String>, selected: Int?, chosen: (Int) -> Unit): android.widget.RadioGroup {
    val group = add(android.widget.RadioGroup(context).apply {
        orientation = android.widget.LinearLayout.HORIZONTAL
    })
    labels.forEachIndexed { index, label ->
        val radio = android.widget.RadioButton(context).apply {
            text = label
            id = View.generateViewId()
        }
        group.addView(radio)
        if (index == selected) radio.isChecked = true
        radio.setOnClickListener { chosen(index) }
    }
    return group
}

/**
 * A date field that opens the phone's date picker; its text is the day as the core writes it
 * ("YYYY-MM-DD"), and the core reads and writes it, so the shell parses no date.
 */
fun Column.dateField(label: String, value: String): EditText {
    val edit = field(label, value)
    edit.isFocusable = false
    edit.setOnClickListener {
        val shown = calendarDay(edit.text.toString()) ?: calendarDay(value) ?: return@setOnClickListener
        android.app.DatePickerDialog(
            context,
            { _, year, month, day ->
                // The framework counts months from 0.
                calendarDayText(CalendarDay(year, (month + 1).toUInt(), day.toUInt()))?.let { edit.setText(it) }
            },
            shown.year,
            shown.month.toInt() - 1,
            shown.day.toInt(),
        ).apply {
            // A dialog is a window of its own: it is kept out of screenshots like the app's.
            window?.setFlags(
                android.view.WindowManager.LayoutParams.FLAG_SECURE,
                android.view.WindowManager.LayoutParams.FLAG_SECURE,
            )
        }.show()
    }
    return edit
}

/** A time zone picker over the core's zones; [allowsNone] adds an empty first entry. */
class ZonePicker(val spinner: android.widget.Spinner, private val zones: List<String>) {
    fun zone(): String = zones.getOrElse(spinner.selectedItemPosition) { "" }
}

fun Column.zonePicker(label: String, options: List<ZoneOption>, selected: String, allowsNone: Boolean = false): ZonePicker {
    val names = (if (allowsNone) listOf("") else emptyList()) + options.map { it.name }
    val labels = (if (allowsNone) listOf("") else emptyList()) + options.map { it.label }
    val spinner = picker(label, labels, names.indexOf(selected).coerceAtLeast(0))
    return ZonePicker(spinner, names)
}

/**
 * A labelled drop-down of [labels] with [selected] chosen; the label names it for TalkBack, as it
 * names it on screen.
 */
fun Column.picker(label: String, labels: List<String>, selected: Int): android.widget.Spinner {
    val named = styled14(label)
    val spinner = add(android.widget.Spinner(context).apply { id = View.generateViewId() })
    spinner.adapter = android.widget.ArrayAdapter(context, android.R.layout.simple_spinner_dropdown_item, labels)
    spinner.setSelection(selected.coerceIn(0, (labels.size - 1).coerceAtLeast(0)))
    named.labelFor = spinner.id
    return spinner
}

/** A "Listen" button: the core's speakable text for this screen, read by the phone's voice. */
fun Column.listen(ui: Ui, speakable: (org.waymark.core.Waymark) -> org.waymark.core.SpeakableText) =
    button(ui.texts.listen) {
        ui.call(speakable) { text -> Speech.speak(ui.context, text) { hint -> ui.toast(hint) } }
    }
