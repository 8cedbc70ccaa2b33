//! The one rule for each kind of id: card ids (slugs) and document ids. Validation refuses
//! what breaks them, and links (`card=`, `read=`, the pages' paths) accept exactly them.

/// The longest card id: validation refuses a longer one, and a link carrying one names no
/// card.
pub const MAX_ID: usize = 100;

/// The one rule of card ids: lowercase ASCII letters and digits in hyphen-separated groups,
/// `peace-mission-2018`, at most [`MAX_ID`] long.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The one slug rule: a name or a path made a card id, its ASCII letters and digits
/// lowercased and every run of anything else one `-` (`Quillmark Institute` gives
/// `quillmark-institute`, `Peace_Mission 2018` gives `peace-mission-2018`); `None` when
/// nothing is left or it is too long to be an id.
pub fn slug_of(name: &str) -> Option<String> {
    let slug = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-");
    is_slug(&slug).then_some(slug)
}

/// Why `id` is not a document id, if it is not: lowercase ASCII letters, digits, `_` and `-`,
/// starting with a letter or digit, at most 64 characters. They go into links (`read=`), which
/// take no other characters, and into file names on every system.
pub fn is_document_id(id: &str) -> Result<(), String> {
    if id.is_empty() || id.len() > DOCUMENT_ID_MAX {
        return Err(format!("{} characters", id.len()));
    }
    if !id.starts_with(document_id_start) {
        return Err("it must start with a lowercase letter or a digit".to_string());
    }
    match id.chars().find(|&c| !document_id_char(c)) {
        Some(c) => Err(format!("it contains {c:?}")),
        None => Ok(()),
    }
}

/// Whether `id` is a document id ([`is_document_id`]), without saying why not: what a link
/// needs, with none of the wording (or the formatting it takes) in the app.
pub fn looks_like_document_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= DOCUMENT_ID_MAX
        && id.starts_with(document_id_start)
        && id.chars().all(document_id_char)
}

const DOCUMENT_ID_MAX: usize = 64;

fn document_id_start(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

fn document_id_char(c: char) -> bool {
    document_id_start(c) || c == '_' || c == '-'
}
