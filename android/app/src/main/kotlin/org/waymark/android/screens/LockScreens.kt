package org.waymark.android

import android.graphics.Typeface
import android.view.Gravity
import android.view.View
import android.view.ViewGroup
import android.widget.Button
import android.widget.LinearLayout
import android.widget.TextView
import java.time.Instant
import org.waymark.core.CalculatorKey
import org.waymark.core.CalculatorState
import org.waymark.core.CalculatorStep
import org.waymark.core.LockView
import org.waymark.core.Waymark
import org.waymark.core.calculatorStart

/**
 * The app lock: the core's title, PIN field and button, and what went wrong with the last PIN
 * (a wrong PIN, or the wait). Either PIN opens it alike; what the app then shows is the core's.
 */
class LockScreen : Screen<LockView>() {
    override fun load(core: Waymark, now: Instant): LockView = core.lockStatus(now)

    override fun render(ui: Ui, model: LockView) = column(ui.context) {
        title(model.title)
        val pin = field(model.pinLabel, type = PIN_INPUT)
        model.problem?.let { problem ->
            text(problem)
            // Read with the field by TalkBack too.
            pin.error = problem
        }
        button(model.unlockLabel) {
            val typed = pin.text.toString()
            pin.setText("")
            ui.call({ it.unlock(typed, AppClock.now()) }, replan = false) { view ->
                if (view.locked) ui.reload() else ui.opened()
            }
        }
    }
}

/**
 * The disguise's cover: a working calculator, drawn alone. Every key goes to the core's
 * `calculatorEnter` with the state it gave last; the display is the core's. When the core says
 * `opened` (a check-in PIN, then =), the app is shown. The shell never sees what was typed as
 * a PIN and cannot tell a PIN from a sum.
 */
class CalculatorScreen : Screen<CalculatorStep>() {
    /** The state the core gave last; read and written on the core thread only, in key order. */
    @Volatile
    private var state: CalculatorState = calculatorStart()

    override val framed: Boolean get() = false

    override fun load(core: Waymark, now: Instant): CalculatorStep {
        // A fresh calculator: Clear on the start state gives the display to show first.
        val outcome = core.calculatorEnter(calculatorStart(), CalculatorKey.Clear, now)
        state = outcome.step.state
        return outcome.step
    }

    override fun render(ui: Ui, model: CalculatorStep): View {
        val context = ui.context
        val density = context.resources.displayMetrics.density
        val root = LinearLayout(context).apply {
            orientation = LinearLayout.VERTICAL
            val pad = (16 * density).toInt()
            setPadding(pad, pad, pad, pad)
        }
        val display = TextView(context).apply {
            text = model.display
            textSize = 40f
            typeface = Typeface.MONOSPACE
            gravity = Gravity.END or Gravity.BOTTOM
            maxLines = 1
        }
        root.addView(display, LinearLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT, 0, 1f))
        fun press(key: CalculatorKey) {
            ui.call({ core ->
                val outcome = core.calculatorEnter(state, key, AppClock.now())
                state = outcome.step.state
                outcome
            }, replan = false) { outcome ->
                display.text = outcome.step.display
                if (outcome.opened) ui.opened()
            }
        }
        // Symbols, not words: the keys of any calculator.
        val rows: List<List<Pair<String, CalculatorKey>>> = listOf(
            listOf("C" to CalculatorKey.Clear, "⌫" to CalculatorKey.Backspace, "%" to CalculatorKey.Percent, "÷" to CalculatorKey.Divide),
            listOf(digit(7), digit(8), digit(9), "×" to CalculatorKey.Multiply),
            listOf(digit(4), digit(5), digit(6), "−" to CalculatorKey.Subtract),
            listOf(digit(1), digit(2), digit(3), "+" to CalculatorKey.Add),
            listOf("±" to CalculatorKey.Negate, digit(0), "." to CalculatorKey.Point, "=" to CalculatorKey.Equals),
        )
        for (row in rows) {
            val line = LinearLayout(context).apply { orientation = LinearLayout.HORIZONTAL }
            for ((label, key) in row) {
                line.addView(
                    Button(context).apply {
                        text = label
                        textSize = 24f
                        isAllCaps = false
                        setOnClickListener { press(key) }
                    },
                    LinearLayout.LayoutParams(0, (72 * density).toInt(), 1f),
                )
            }
            root.addView(line, LinearLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT, ViewGroup.LayoutParams.WRAP_CONTENT))
        }
        return root
    }

    private fun digit(value: Int): Pair<String, CalculatorKey> =
        value.toString() to CalculatorKey.Digit(value.toUByte())
}
