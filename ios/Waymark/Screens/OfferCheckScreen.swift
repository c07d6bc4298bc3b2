import SwiftUI
import WaymarkCore

/// The job-offer check: `offerCheckNew()` for the questions, `offerCheckPreview(input:)` as the
/// person answers (and reads the ad, `analyzeAd(text:)` for its red flags), `saveOffer` to keep
/// it; saved offers from `offers()` open with `offerCheck(id:)` and go with `offerDelete(id:)`.
struct OfferCheckScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var check: OfferCheckView?
    @State private var saved: OfferListView?
    @State private var ad: AdAnalysisView?
    @State private var offerId: Int64?
    @State private var title = ""
    @State private var employer = ""
    @State private var country = ""
    @State private var notes = ""
    @State private var adText = ""
    @State private var answers: [String: Answer] = [:]
    @State private var failure: String?

    private var input: OfferInput {
        OfferInput(
            title: title,
            employer: employer,
            country: country,
            notes: notes,
            answers: answers.sorted { $0.key < $1.key }.map { OfferAnswer(questionId: $0.key, answer: $0.value) },
            adText: adText.isEmpty ? nil : adText
        )
    }

    var body: some View {
        Loaded(check) { check in
            Form {
                if let saved, !saved.offers.isEmpty {
                    Section(saved.title) {
                        ForEach(saved.offers, id: \.id) { offer in
                            Button { Task { await open(offer.id) } } label: {
                                VStack(alignment: .leading) {
                                    Text(offer.title).font(.headline)
                                    Text(offer.levelTitle).font(.subheadline)
                                    Text(offer.checkedLabel).font(.footnote).foregroundStyle(.secondary)
                                }
                            }
                        }
                        .onDelete { rows in Task { await delete(rows.map { saved.offers[$0].id }) } }
                    }
                }
                Section { Text(check.intro).font(.subheadline) }
                Section {
                    TextField(check.fieldLabels.title, text: $title)
                    TextField(check.fieldLabels.employer, text: $employer)
                    TextField(check.fieldLabels.country, text: $country)
                    TextField(check.fieldLabels.notes, text: $notes, axis: .vertical)
                    if let texts = store.texts {
                        TextField(texts.offerAdText, text: $adText, axis: .vertical).lineLimit(2...8)
                    }
                }
                if let ad, !ad.flags.isEmpty {
                    Section(ad.title) {
                        Text(ad.summary).font(.subheadline)
                        ForEach(ad.flags, id: \.id) { flag in
                            VStack(alignment: .leading) {
                                Text(flag.title).font(.headline)
                                Text(flag.explanation).font(.subheadline)
                            }
                        }
                    }
                }
                Section(check.answeredLabel) {
                    ForEach(check.questions, id: \.id) { question in
                        VStack(alignment: .leading, spacing: 6) {
                            Text("\(question.number). \(question.text)")
                            Text(question.why).font(.footnote).foregroundStyle(.secondary)
                            Picker(question.text, selection: Binding(
                                get: { answers[question.id] ?? question.answer },
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
                }
                ResultSection(result: check.result)
                Section {
                    if let checked = check.checkedLabel { Text(checked).font(.footnote) }
                    FormFailure(message: failure)
                    if let texts = store.texts {
                        Button(texts.save) { Task { await save() } }
                    }
                }
            }
            .navigationTitle(check.title)
        }
        .task(id: store.revision) {
            check = await store.load { try $0.offerCheckNew() }
            saved = await store.load { try $0.offers() }
        }
        .task(id: input) { await preview() }
    }

    private func preview() async {
        guard check != nil else { return }
        // Typing settles before the core reads the ad again.
        try? await Task.sleep(nanoseconds: 300_000_000)
        guard !Task.isCancelled else { return }
        let input = self.input
        do {
            check = try await store.call { try $0.offerCheckPreview(input: input) }
            if let text = input.adText {
                ad = try await store.call { try $0.analyzeAd(text: text) }
            } else {
                ad = nil
            }
            failure = nil
        } catch {
            failure = CoreStore.describe(error)
        }
    }

    private func save() async {
        let (id, input) = (offerId, self.input)
        do {
            switch try await store.call({ try $0.saveOffer(id: id, input: input, now: Date()) }) {
            case let .saved(result):
                check = result
                offerId = result.id
                failure = nil
                saved = await store.load { try $0.offers() }
            case let .refused(errors):
                // Every field's problem at once, each after its field's name.
                failure = errors.map { "\(fieldName($0.field)): \($0.message)" }.joined(separator: "\n")
            }
        } catch {
            failure = CoreStore.describe(error)
        }
    }

    /// The name the form shows for `field`, from the core's labels.
    private func fieldName(_ field: OfferField) -> String {
        guard let labels = check?.fieldLabels else { return "" }
        switch field {
        case .title: return labels.title
        case .employer: return labels.employer
        case .country: return labels.country
        case .notes: return labels.notes
        case .adText: return store.texts?.offerAdText ?? ""
        }
    }

    private func open(_ id: Int64) async {
        guard let loaded = await store.load({ try $0.offerCheck(id: id) }) else { return }
        offerId = loaded.id
        title = loaded.offerTitle
        employer = loaded.employer
        country = loaded.country
        notes = loaded.notes
        adText = ""
        var given: [String: Answer] = [:]
        for question in loaded.questions {
            if let answer = question.answer { given[question.id] = answer }
        }
        answers = given
        check = loaded
    }

    private func delete(_ ids: [Int64]) async {
        for id in ids {
            saved = await store.load { try $0.offerDelete(id: id) } ?? saved
        }
    }
}

/// What the answers so far mean: the risk, the advice, the reasons and what is still unknown.
private struct ResultSection: View {
    let result: OfferResultView

    var body: some View {
        Section(result.levelTitle) {
            Text(result.adviceLabel).font(.caption).bold()
            Text(result.advice)
            if !result.reasons.isEmpty {
                Text(result.reasonsLabel).font(.caption).bold()
                ForEach(Array(result.reasons.enumerated()), id: \.offset) { _, reason in
                    ReasonRow(reason: reason)
                }
            }
            if !result.unknowns.isEmpty {
                Text(result.unknownsLabel).font(.caption).bold()
                ForEach(Array(result.unknowns.enumerated()), id: \.offset) { _, reason in
                    ReasonRow(reason: reason)
                }
            }
            if !result.links.isEmpty {
                Text(result.readMoreLabel).font(.caption).bold()
                ForEach(Array(result.links.enumerated()), id: \.offset) { _, link in LinkRow(link: link) }
            }
        }
    }
}

private struct ReasonRow: View {
    let reason: OfferReasonView

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(reason.text)
            if let fromAd = reason.fromAdLabel {
                Text(fromAd).font(.footnote).foregroundStyle(.secondary)
            }
            ForEach(Array(reason.links.enumerated()), id: \.offset) { _, link in LinkRow(link: link) }
        }
    }
}
