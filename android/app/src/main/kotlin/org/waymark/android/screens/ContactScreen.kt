package org.waymark.android

import android.content.Context
import android.telephony.TelephonyManager
import android.text.InputType
import java.time.Instant
import java.util.Locale
import org.waymark.core.Action
import org.waymark.core.ContactView
import org.waymark.core.CountryOption
import org.waymark.core.OwnContactField
import org.waymark.core.OwnContactInput
import org.waymark.core.OwnContactSaved
import org.waymark.core.OwnContactView
import org.waymark.core.OwnContactsView
import org.waymark.core.Waymark

/** One organisation from the directory: what it does, when it is open, how to reach it. */
class ContactScreen(private val id: String) : Screen<ContactView>() {
    override fun load(core: Waymark, now: Instant): ContactView = core.contact(id, now)

    override fun render(ui: Ui, model: ContactView) = column(ui.context) {
        val labels = model.labels
        title(model.name)
        listen(ui) { it.speakableContact(id, AppClock.now()) }
        text(model.description)
        note(model.status)
        model.opening?.lines?.forEach { note(it) }
        note(model.capacityText)
        note(model.note)
        note(model.sourceText)
        if (model.phones.isNotEmpty()) heading(labels.phones)
        for (phone in model.phones) {
            group {
                text(phone.number)
                note(phone.costNote)
                actionButtons(ui, phone.actions)
            }
        }
        if (model.services.isNotEmpty()) heading(labels.services)
        model.services.forEach { text(it) }
        model.address?.let {
            heading(labels.address)
            text(it)
        }
        model.hours?.let {
            heading(labels.hours)
            text(it)
        }
        model.referralVia?.let { via ->
            heading(labels.referral)
            button(via.name) { ui.perform(Action.OpenContact(via.id)) }
        }
    }
}

/** The person's own contacts (family, embassy, employer...): call, text, add, edit, remove. */
class OwnContactsScreen : Screen<Pair<OwnContactsView, List<CountryOption>>>() {
    override fun load(core: Waymark, now: Instant) = core.ownContacts() to core.emergencyCountries()

    override fun render(ui: Ui, model: Pair<OwnContactsView, List<CountryOption>>) =
        column(ui.context) {
            val (view, countries) = model
            title(view.title)
            if (view.contacts.isEmpty()) text(view.emptyText)
            for (contact in view.contacts) {
                group {
                    heading(contact.name)
                    note(contact.kindLabel)
                    text(contact.displayNumber)
                    note("${view.countryLabel}: ${contact.country}")
                    if (contact.notes.isNotEmpty()) note("${view.notesLabel}: ${contact.notes}")
                    actionButtons(ui, contact.actions)
                    button(ui.texts.edit) { ui.open(OwnContactFormScreen(view, countries, contact)) }
                    button(ui.texts.remove) {
                        ui.call({ it.ownContactRemove(contact.id) }) { ui.reload() }
                    }
                }
            }
            button(ui.texts.add) { ui.open(OwnContactFormScreen(view, countries, null)) }
        }
}

/** Adds a contact, or edits [editing]; the core checks the name, the country and the number. */
class OwnContactFormScreen(
    private val contacts: OwnContactsView,
    private val countries: List<CountryOption>,
    private val editing: OwnContactView?,
) : Screen<Unit>() {
    override fun load(core: Waymark, now: Instant) = Unit

    override fun render(ui: Ui, model: Unit) = column(ui.context) {
        val texts = ui.texts
        title(contacts.title)
        val problems = section()
        val name = field(texts.contactName, editing?.name.orEmpty())
        val kind = picker(
            texts.contactKind,
            contacts.kinds.map { it.label },
            editing?.let { contact -> contacts.kinds.indexOfFirst { it.kind == contact.kind } } ?: 0,
        )
        val preset = editing?.countryCode ?: phoneCountry(context)
        val country = picker(
            contacts.countryLabel,
            countries.map { it.name },
            countries.indexOfFirst { it.code == preset },
        )
        val phone = field(
            texts.contactPhone,
            editing?.displayNumber.orEmpty(),
            hint = texts.contactPhoneHint,
            type = InputType.TYPE_CLASS_PHONE,
        )
        val notes = field(contacts.notesLabel, editing?.notes.orEmpty())
        button(texts.save) {
            val input = OwnContactInput(
                name.text.toString(),
                contacts.kinds[kind.selectedItemPosition].kind,
                countries.getOrNull(country.selectedItemPosition)?.code.orEmpty(),
                phone.text.toString(),
                notes.text.toString(),
            )
            val id = editing?.id
            ui.call({ core -> core.saveOwnContact(id, input, AppClock.now()) }) { outcome ->
                when (outcome) {
                    is OwnContactSaved.Saved -> ui.back()
                    is OwnContactSaved.Refused -> {
                        // Each problem on its field, where TalkBack reads it with the field.
                        for (f in listOf(name, phone, notes)) f.error = null
                        problems.view.removeAllViews()
                        for (error in outcome.errors) {
                            problems.text(error.message)
                            when (error.field) {
                                OwnContactField.NAME -> name.error = error.message
                                OwnContactField.PHONE -> phone.error = error.message
                                OwnContactField.NOTES -> notes.error = error.message
                                OwnContactField.COUNTRY -> Unit
                            }
                        }
                    }
                }
            }
        }
    }
}

/** The country the phone is in (from the mobile network) or set to, as an ISO code. */
private fun phoneCountry(context: Context): String {
    val network = context.getSystemService(TelephonyManager::class.java)?.networkCountryIso
    return (network?.takeIf { it.isNotEmpty() } ?: Locale.getDefault().country).uppercase(Locale.ROOT)
}
