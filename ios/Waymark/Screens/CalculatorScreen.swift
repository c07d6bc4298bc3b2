import SwiftUI
import WaymarkCore

/// The disguise's cover: a working calculator. Every key goes to `calculatorEnter(state:key:now:)`
/// and the display shows what the core computed; the shell keeps only the state the core hands
/// back. When the core says `opened` (a check-in PIN, then =), the app is shown.
struct CalculatorScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var state = calculatorStart()
    @State private var display = ""

    /// The keys as a phone calculator lays them out. The glyphs are the keys' symbols, the same
    /// in every language (no words).
    private static let rows: [[(glyph: String, key: CalculatorKey)]] = [
        [("C", .clear), ("±", .negate), ("%", .percent), ("÷", .divide)],
        [("7", .digit(digit: 7)), ("8", .digit(digit: 8)), ("9", .digit(digit: 9)), ("×", .multiply)],
        [("4", .digit(digit: 4)), ("5", .digit(digit: 5)), ("6", .digit(digit: 6)), ("−", .subtract)],
        [("1", .digit(digit: 1)), ("2", .digit(digit: 2)), ("3", .digit(digit: 3)), ("+", .add)],
        [("⌫", .backspace), ("0", .digit(digit: 0)), (".", .point), ("=", .equals)],
    ]

    var body: some View {
        VStack(spacing: 12) {
            Spacer()
            Text(display)
                .font(.system(size: 64, weight: .light, design: .rounded))
                .monospacedDigit()
                .lineLimit(1)
                .minimumScaleFactor(0.4)
                .frame(maxWidth: .infinity, alignment: .trailing)
                .padding(.horizontal)
                .accessibilityAddTraits(.updatesFrequently)
            ForEach(Array(Self.rows.enumerated()), id: \.offset) { _, row in
                HStack(spacing: 12) {
                    ForEach(Array(row.enumerated()), id: \.offset) { _, item in
                        Button { Task { await press(item.key) } } label: {
                            Text(item.glyph)
                                .font(.title)
                                .frame(maxWidth: .infinity, minHeight: 64)
                        }
                        .buttonStyle(.bordered)
                        .tint(item.key == .equals ? Color.orange : Color.gray)
                    }
                }
            }
        }
        .padding()
        // The core's empty display (what a cleared calculator shows).
        .task { await press(.clear) }
    }

    private func press(_ key: CalculatorKey) async {
        let current = state
        guard let outcome = await store.load({ try $0.calculatorEnter(state: current, key: key, now: Date()) }) else { return }
        state = outcome.step.state
        display = outcome.step.display
        if outcome.opened {
            await store.calculatorOpened()
        }
    }
}
