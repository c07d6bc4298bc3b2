import SwiftUI
import WaymarkCore

/// An article's blocks, in order.
struct BlocksView: View {
    let blocks: [Block]

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            ForEach(Array(blocks.enumerated()), id: \.offset) { _, block in
                BlockView(block: block)
            }
        }
    }
}

private struct BlockView: View {
    let block: Block

    var body: some View {
        switch block {
        case let .heading(text):
            Text(text).font(.title3).bold().accessibilityAddTraits(.isHeader)
        case let .paragraph(text):
            RichTextView(text: text)
        case let .bulletList(items):
            VStack(alignment: .leading, spacing: 6) {
                ForEach(Array(items.enumerated()), id: \.offset) { _, item in
                    HStack(alignment: .firstTextBaseline) {
                        Text("•")
                        RichTextView(text: item)
                    }
                }
            }
        case let .numberedList(items):
            VStack(alignment: .leading, spacing: 6) {
                ForEach(Array(items.enumerated()), id: \.offset) { index, item in
                    HStack(alignment: .firstTextBaseline) {
                        Text("\(index + 1).").monospacedDigit()
                        RichTextView(text: item)
                    }
                }
            }
        case let .callout(tone, label, paragraphs):
            VStack(alignment: .leading, spacing: 6) {
                Text(label).font(.headline)
                ForEach(Array(paragraphs.enumerated()), id: \.offset) { _, paragraph in
                    RichTextView(text: paragraph)
                }
            }
            .padding(12)
            .frame(maxWidth: .infinity, alignment: .leading)
            .background(Self.colour(tone).opacity(0.15), in: RoundedRectangle(cornerRadius: 8))
        }
    }

    private static func colour(_ tone: CalloutTone) -> Color {
        switch tone {
        case .note: return .gray
        case .tip: return .green
        case .important: return .blue
        case .warning: return .orange
        }
    }
}

/// One paragraph: strong and emphasised spans, and links that carry a core action. A link's URL
/// is `waymark-action:<index>` into a table of the actions seen, which RootView's openURL handler
/// turns back into the action.
struct RichTextView: View {
    let text: RichText

    var body: some View {
        Text(Self.attributed(text))
    }

    private static var links: [Action] = []
    private static let scheme = "waymark-action"

    static func attributed(_ text: RichText) -> AttributedString {
        var result = AttributedString()
        for span in text.spans {
            var part = AttributedString(span.text)
            if span.strong && span.emphasis {
                part.inlinePresentationIntent = [.stronglyEmphasized, .emphasized]
            } else if span.strong {
                part.inlinePresentationIntent = .stronglyEmphasized
            } else if span.emphasis {
                part.inlinePresentationIntent = .emphasized
            }
            if let link = span.link {
                let index = links.firstIndex(of: link) ?? {
                    links.append(link)
                    return links.count - 1
                }()
                part.link = URL(string: "\(scheme):\(index)")
            }
            result.append(part)
        }
        return result
    }

    /// The action behind a link URL made above.
    static func action(for url: URL) -> Action? {
        guard url.scheme == scheme, let index = Int(url.absoluteString.dropFirst(scheme.count + 1)), links.indices.contains(index) else {
            return nil
        }
        return links[index]
    }
}
