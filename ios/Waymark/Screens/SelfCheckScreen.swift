import SwiftUI
import WaymarkCore

/// The self-check: `selfCheck()` for the questions, `selfCheckResult(answers:)` as the person
/// answers. Nothing is stored; "Leave quickly" stays in reach.
struct SelfCheckScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var check: SelfCheckView?
    @State private var answers: [String: Answer] = [:]
    @State private var result: SelfCheckResultView?

    var body: some View {
        Loaded(check) { check in
            Form {
                Section {
                    Text(check.intro).font(.subheadline)
                    LinkRow(link: check.quickExit)
                }
                ForEach(check.questions, id: \.id) { question in
                    Section {
                        Text("\(question.number). \(question.text)")
                        Picker(question.text, selection: Binding(
                            get: { answers[question.id] },
                            set: { answers[question.id] = $0 }
                        )) {
                            ForEach(check.answerOptions, id: \.key) { option in
                                Text(option.label).tag(Optional(option.answer))
                            }
                        }
                        .pickerStyle(.segmented)
                        .labelsHidden()
                    }
                }
                if let result, !answers.isEmpty {
                    Section(result.title) {
                        Text(result.message)
                        ForEach(result.signs, id: \.self) { sign in
                            Text(sign).font(.subheadline)
                        }
                        if let help = result.helpNow { LinkRow(link: help) }
                        ForEach(Array(result.contacts.enumerated()), id: \.offset) { _, link in LinkRow(link: link) }
                        ForEach(Array(result.articles.enumerated()), id: \.offset) { _, link in LinkRow(link: link) }
                        LinkRow(link: result.quickExit)
                    }
                }
            }
            .navigationTitle(check.title)
        }
        .task(id: store.revision) { check = await store.load { try $0.selfCheck() } }
        .task(id: answers) {
            let given = answers.sorted { $0.key < $1.key }.map { SelfCheckAnswer(questionId: $0.key, answer: $0.value) }
            result = await store.load { try $0.selfCheckResult(answers: given) }
        }
    }
}
