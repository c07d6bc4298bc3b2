import SwiftUI
import WaymarkCore

/// The myths-and-facts quiz: `quiz()` for the statements, `quizAnswer(statementId:answer:)` to
/// explain each one as it is answered, and `quizFinish(answers:now:)` once all are answered.
struct QuizScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var quiz: QuizView?
    @State private var answers: [QuizAnswer] = []
    @State private var feedback: [String: QuizFeedbackView] = [:]
    @State private var result: QuizResultView?

    var body: some View {
        Loaded(quiz) { quiz in
            List {
                Section {
                    Text(quiz.intro).font(.subheadline)
                    Text(quiz.bestLabel).font(.footnote)
                }
                ForEach(quiz.statements, id: \.id) { statement in
                    Section {
                        Text("\(statement.number). \(statement.statement)")
                        if let shown = feedback[statement.id] {
                            Text(shown.verdict).font(.headline).foregroundStyle(shown.correct ? Color.green : Color.orange)
                            Text(shown.truth)
                            Text(shown.explanation).font(.subheadline)
                            LinkRow(link: shown.readMore)
                        } else {
                            HStack {
                                ForEach(quiz.options, id: \.key) { option in
                                    Button(option.label) { Task { await answer(statement.id, option.value, of: quiz) } }
                                        .buttonStyle(.bordered)
                                }
                            }
                        }
                    }
                }
                if let result {
                    Section {
                        Text(result.scoreLabel).font(.headline)
                        Text(result.bestLabel)
                        if let newBest = result.newBestLabel { Text(newBest).bold() }
                    }
                }
            }
            .navigationTitle(quiz.title)
        }
        .task(id: store.revision) {
            quiz = await store.load { try $0.quiz() }
            answers = []
            feedback = [:]
            result = nil
        }
    }

    private func answer(_ id: String, _ value: Bool, of quiz: QuizView) async {
        guard let shown = await store.load({ try $0.quizAnswer(statementId: id, answer: value) }) else { return }
        feedback[id] = shown
        answers.append(QuizAnswer(statementId: id, answer: value))
        if answers.count == quiz.statements.count {
            let given = answers
            result = await store.load { try $0.quizFinish(answers: given, now: Date()) }
        }
    }
}
