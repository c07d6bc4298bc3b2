package org.waymark.android

import java.time.Instant
import org.waymark.core.Action
import org.waymark.core.ContactView
import org.waymark.core.OwnContactsView
import org.waymark.core.Waymark

/** One organisation from the directory: what it does, when it is open, how to reach it. */
class ContactScreen(private val id: String) : Screen<ContactView>() {
    override fun load(core: Waymark, now: Instant): ContactView = core.contact(id, now)

    override fun render(ui: Ui, model: ContactView) = column(ui.context) {
        val labels = model.labels
        title(model.name)
        text(model.description)
        note(model.status)
        model.opening?.let {
            note(it.nextChangeText)
            note(it.periodInYourZone)
            note(it.holidaysNote)
        }
        note(model.capacityText)
        note(model.note)
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

/** The person's own contacts (family, embassy, employer...), with call and text buttons. */
class OwnContactsScreen : Screen<OwnContactsView>() {
    override fun load(core: Waymark, now: Instant): OwnContactsView = core.ownContacts()

    override fun render(ui: Ui, model: OwnContactsView) = column(ui.context) {
        title(model.title)
        if (model.contacts.isEmpty()) text(model.emptyText)
        for (contact in model.contacts) {
            group {
                heading(contact.name)
                note(contact.kindLabel)
                text(contact.displayNumber)
                note("${model.countryLabel}: ${contact.country}")
                if (contact.notes.isNotEmpty()) note("${model.notesLabel}: ${contact.notes}")
                actionButtons(ui, contact.actions)
                button(ui.texts.remove) {
                    ui.call({ it.ownContactRemove(contact.id) }) { ui.reload() }
                }
            }
        }
    }
}
