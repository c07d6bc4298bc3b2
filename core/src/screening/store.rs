//! Checked job offers and the quiz's best score in the profile database. The self-check is
//! never stored: a phone can be taken and read by the very people it asks about.

use std::collections::BTreeMap;
use std::time::SystemTime;

use rusqlite::{Connection, OptionalExtension, params};

use super::answer::Answer;
use crate::error::Result;
use crate::storage::{from_millis, to_millis};

/// A saved offer as stored.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredOffer {
    pub id: i64,
    pub title: String,
    pub employer: String,
    pub country: String,
    pub notes: String,
    pub checked_at: SystemTime,
    /// Answer and whether it came from the ad's text, by question id.
    pub answers: BTreeMap<String, (Answer, bool)>,
}

/// The fields of an offer, validated.
pub(crate) struct OfferFields<'a> {
    pub title: &'a str,
    pub employer: &'a str,
    pub country: &'a str,
    pub notes: &'a str,
}

pub(crate) fn insert_offer(
    conn: &Connection,
    fields: &OfferFields<'_>,
    at: SystemTime,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO offers (title, employer, country, notes, checked_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![
            fields.title,
            fields.employer,
            fields.country,
            fields.notes,
            to_millis(at)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Updates an offer's fields; false when there is no such offer.
pub(crate) fn update_offer(
    conn: &Connection,
    id: i64,
    fields: &OfferFields<'_>,
    at: SystemTime,
) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE offers SET title = ?2, employer = ?3, country = ?4, notes = ?5, checked_at = ?6
         WHERE id = ?1",
        params![
            id,
            fields.title,
            fields.employer,
            fields.country,
            fields.notes,
            to_millis(at)
        ],
    )?;
    Ok(changed == 1)
}

/// Replaces every answer of an offer.
pub(crate) fn set_answers(
    conn: &Connection,
    id: i64,
    answers: &BTreeMap<String, (Answer, bool)>,
) -> Result<()> {
    conn.execute("DELETE FROM offer_answers WHERE offer_id = ?1", [id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO offer_answers (offer_id, question_id, answer, from_ad) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (question, (answer, from_ad)) in answers {
        stmt.execute(params![id, question, answer_code(*answer), *from_ad])?;
    }
    Ok(())
}

pub(crate) fn offer_count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM offers", [], |r| r.get(0))?)
}

/// One offer with its answers.
pub(crate) fn offer(conn: &Connection, id: i64) -> Result<Option<StoredOffer>> {
    let offer = conn
        .query_row(
            "SELECT id, title, employer, country, notes, checked_at FROM offers WHERE id = ?1",
            [id],
            row_to_offer,
        )
        .optional()?;
    let Some(mut offer) = offer else {
        return Ok(None);
    };
    offer.answers = answers(conn, id)?;
    Ok(Some(offer))
}

/// Every offer, the most recently checked first, with their answers.
pub(crate) fn offers(conn: &Connection) -> Result<Vec<StoredOffer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, employer, country, notes, checked_at FROM offers
         ORDER BY checked_at DESC, id DESC",
    )?;
    let mut offers = stmt
        .query_map([], row_to_offer)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for offer in &mut offers {
        offer.answers = answers(conn, offer.id)?;
    }
    Ok(offers)
}

/// Deletes an offer and its answers; false when there is no such offer.
pub(crate) fn delete_offer(conn: &Connection, id: i64) -> Result<bool> {
    // The answers go with the offer (ON DELETE CASCADE).
    Ok(conn.execute("DELETE FROM offers WHERE id = ?1", [id])? == 1)
}

fn answers(conn: &Connection, id: i64) -> Result<BTreeMap<String, (Answer, bool)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT question_id, answer, from_ad FROM offer_answers WHERE offer_id = ?1",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, bool>(2)?,
        ))
    })?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (question, code, from_ad) = row?;
        // A value this version does not know (written by a later one) is left out, not fatal.
        if let Some(answer) = answer_from_code(&code) {
            out.insert(question, (answer, from_ad));
        }
    }
    Ok(out)
}

fn row_to_offer(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredOffer> {
    Ok(StoredOffer {
        id: r.get(0)?,
        title: r.get(1)?,
        employer: r.get(2)?,
        country: r.get(3)?,
        notes: r.get(4)?,
        checked_at: from_millis(r.get(5)?),
        answers: BTreeMap::new(),
    })
}

fn answer_code(answer: Answer) -> &'static str {
    match answer {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::DontKnow => "dont_know",
    }
}

fn answer_from_code(code: &str) -> Option<Answer> {
    match code {
        "yes" => Some(Answer::Yes),
        "no" => Some(Answer::No),
        "dont_know" => Some(Answer::DontKnow),
        _ => None,
    }
}

/// The best quiz score: (score, total) when the quiz has been finished at least once.
pub(crate) fn quiz_best(conn: &Connection, quiz: &str) -> Result<Option<(u32, u32)>> {
    Ok(conn
        .query_row(
            "SELECT score, total FROM quiz_best WHERE quiz = ?1",
            [quiz],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Keeps `score` if it beats the stored best (or there is none); says whether it did.
pub(crate) fn record_quiz_score(
    conn: &Connection,
    quiz: &str,
    score: u32,
    total: u32,
    at: SystemTime,
) -> Result<bool> {
    let changed = conn.execute(
        "INSERT INTO quiz_best (quiz, score, total, at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (quiz) DO UPDATE SET score = excluded.score, total = excluded.total,
             at = excluded.at
         WHERE excluded.score > quiz_best.score",
        params![quiz, score, total, to_millis(at)],
    )?;
    Ok(changed == 1)
}
