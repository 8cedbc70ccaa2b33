//! How text becomes search terms, the same way for the index, the query and the highlighter.
//!
//! - Case and diacritics fold away (`Ö` → `o`, `ß` → `ss`).
//! - Words are runs of letters and digits; everything else separates them, so punctuation and
//!   hyphens fold: `Mi-35M` gives `mi`, `35m` and, because a hyphen (or a space next to a number)
//!   joins them, also `mi35m`. `Mi 35M`, `mi35m` and `Mi-35M` therefore all meet.
//! - British and American spellings meet: [`canonical`] maps `organisation`, `defence`,
//!   `programme`, `favourable` … to one form. The index keeps both the written and the canonical
//!   form, so a half-typed `defenc` still prefix-matches `defence`.

/// Characters that show nothing: zero-width space, non-joiner and joiner, word joiner, byte
/// order mark, soft hyphen. Pasted text carries them inside words; they are dropped, so
/// `pea\u{200B}ce` is `peace`, in the index and the query alike.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Lowercases and strips diacritics from one character, appending the result to `out`.
/// Fullwidth forms (`ｐｅａｃｅ`, `２０１７`) fold to their ASCII letters and digits.
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let '\u{FF01}'..='\u{FF5E}' = c {
        let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
        out.push(ascii.to_ascii_lowercase());
        return;
    }
    match lower(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => out.push('c'),
        'ď' | 'đ' | 'ð' => out.push('d'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => out.push('e'),
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => out.push('g'),
        'ĥ' | 'ħ' => out.push('h'),
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => out.push('i'),
        'ĵ' => out.push('j'),
        'ķ' => out.push('k'),
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => out.push('l'),
        'ñ' | 'ń' | 'ņ' | 'ň' => out.push('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => out.push('o'),
        'ŕ' | 'ŗ' | 'ř' => out.push('r'),
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => out.push('s'),
        'ţ' | 'ť' | 'ŧ' | 'ț' => out.push('t'),
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => out.push('u'),
        'ŵ' => out.push('w'),
        'ý' | 'ÿ' | 'ŷ' => out.push('y'),
        'ź' | 'ż' | 'ž' => out.push('z'),
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'þ' => out.push_str("th"),
        // Combining marks (a decomposed é) vanish with their base letter kept.
        '\u{300}'..='\u{36f}' => {}
        other => out.push(other),
    }
}

/// The lowercase of a letter of the Latin (Latin-1, Extended-A, Extended Additional and part of
/// Extended-B), Greek, Cyrillic and Armenian alphabets, by ranges;
/// any other character is returned as it is. `char::to_lowercase` would bring the whole Unicode
/// case table into the wasm (about 6 KB gzip) for scripts the documents do not use; a test
/// checks these ranges against it letter by letter.
fn lower(c: char) -> char {
    let u = c as u32;
    // Blocks where each capital is followed by its small letter: Latin Extended-A, -B's
    // Romanian and others, Cyrillic's historic letters, Latin Extended Additional (Vietnamese).
    let paired = |even_upper: bool| {
        if u.is_multiple_of(2) == even_upper {
            u + 1
        } else {
            u
        }
    };
    let l = match u {
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 => paired(true),
        0x130 => 'i' as u32,
        0x139..=0x148 | 0x179..=0x17E => paired(false),
        0x178 => 0xFF,
        0x200..=0x21F | 0x222..=0x233 => paired(true),
        0x220 => 0x19E,
        0x370..=0x373 | 0x376 | 0x3D8..=0x3EF | 0x3FA => paired(true),
        0x3F7 => 0x3F8,
        0x37F => 0x3F3,
        0x3CF => 0x3D7,
        0x3F4 => 0x3B8,
        0x3F9 => 0x3F2,
        0x3FD..=0x3FF => u - 0x82,
        0x1E9E => 0xDF,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F => paired(true),
        0x4C1..=0x4CE => paired(false),
        0x4C0 => 0x4CF,
        0x531..=0x556 => u + 0x30,
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => paired(true),
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// True for characters that belong to words. Combining marks stay with their letter.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// A search token: its folded text and its byte span in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// True when this token was joined to the previous one by a hyphen, or by a space next to
    /// a number ("Mi 35M"), so that their concatenation is indexed too.
    pub joins_previous: bool,
}

/// Splits text into folded tokens with spans.
pub fn tokens(s: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    let mut in_word = false;
    let mut gap_start = 0;
    let mut gap_hyphen_only = true;
    let mut gap_len = 0;
    for (i, c) in s.char_indices() {
        if is_invisible(c) {
            continue;
        }
        if is_word_char(c) {
            if !in_word {
                start = i;
                in_word = true;
            }
            fold_char_into(c, &mut cur);
        } else {
            if in_word {
                push_token(
                    &mut out,
                    &mut cur,
                    start,
                    i,
                    gap_start,
                    gap_hyphen_only,
                    gap_len,
                    s,
                );
                in_word = false;
                gap_start = i;
                gap_hyphen_only = true;
                gap_len = 0;
            }
            gap_len += 1;
            if !is_dash(c) && c != ' ' {
                gap_hyphen_only = false;
            }
        }
    }
    if in_word {
        push_token(
            &mut out,
            &mut cur,
            start,
            s.len(),
            gap_start,
            gap_hyphen_only,
            gap_len,
            s,
        );
    }
    out
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FF0D}' | '/'
    )
}

#[allow(clippy::too_many_arguments)]
fn push_token(
    out: &mut Vec<Token>,
    cur: &mut String,
    start: usize,
    end: usize,
    gap_start: usize,
    gap_ok: bool,
    gap_len: usize,
    s: &str,
) {
    let text = std::mem::take(cur);
    let joins_previous = match out.last() {
        Some(prev) if gap_ok && gap_len == 1 => {
            let gap = &s[gap_start..start];
            let hyphen = gap.chars().any(is_dash);
            let numeric = text.bytes().any(|b| b.is_ascii_digit())
                || prev.text.bytes().any(|b| b.is_ascii_digit());
            hyphen || numeric
        }
        _ => false,
    };
    out.push(Token {
        text,
        start,
        end,
        joins_previous,
    });
}

/// British and American spellings that differ in a word's stem: (British, American).
/// A token that starts with the left stem is rewritten to start with the right one.
const SPELLING_STEMS: &[(&str, &str)] = &[
    ("organis", "organiz"),
    ("recognis", "recogniz"),
    ("realis", "realiz"),
    ("modernis", "moderniz"),
    ("militaris", "militariz"),
    ("demilitaris", "demilitariz"),
    ("mobilis", "mobiliz"),
    ("stabilis", "stabiliz"),
    ("authoris", "authoriz"),
    ("characteris", "characteriz"),
    ("prioritis", "prioritiz"),
    ("normalis", "normaliz"),
    ("standardis", "standardiz"),
    ("harmonis", "harmoniz"),
    ("summaris", "summariz"),
    ("emphasis", "emphasiz"),
    ("analys", "analyz"),
    ("paralys", "paralyz"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("programme", "program"),
    ("centre", "center"),
    ("theatre", "theater"),
    ("metre", "meter"),
    ("calibre", "caliber"),
    ("manoeuvring", "maneuvering"),
    ("manoeuvre", "maneuver"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("colour", "color"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("labour", "labor"),
    ("behaviour", "behavior"),
    ("neighbour", "neighbor"),
    ("harbour", "harbor"),
    ("rumour", "rumor"),
    ("vigour", "vigor"),
    ("armour", "armor"),
    ("valour", "valor"),
    ("endeavour", "endeavor"),
    ("travell", "travel"),
    ("cancell", "cancel"),
    ("judgement", "judgment"),
    ("ageing", "aging"),
];

/// The canonical (American) spelling of a folded token, or `None` when it has no variant.
pub fn canonical(token: &str) -> Option<String> {
    SPELLING_STEMS
        .iter()
        .find(|(british, _)| token.starts_with(british))
        .map(|(british, american)| format!("{american}{}", &token[british.len()..]))
}

/// Words that carry no meaning on their own in a query: articles, prepositions, question words
/// and auxiliaries ("when did India join the SCO"). Left out of matching, but kept inside
/// quoted phrases; never suggested.
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "an", "and", "any", "are", "as", "at", "be", "been", "by", "can",
    "could", "did", "do", "does", "for", "from", "had", "has", "have", "how", "i", "in", "into",
    "is", "it", "its", "me", "of", "on", "or", "s", "should", "show", "tell", "than", "that",
    "the", "their", "them", "there", "these", "they", "this", "those", "to", "was", "were", "what",
    "when", "where", "which", "who", "whom", "whose", "why", "with", "would",
];

/// True for a word that [`STOP_WORDS`] lists.
pub fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok()
}

/// Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables for these scripts),
/// each with the Latin letter it passes for. Case is kept: Greek `Ν` passes for `N`, `ν` for
/// `v`.
const LOOKALIKES: [(char, char); 53] = [
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('У', 'Y'),
    ('Ѕ', 'S'),
    ('І', 'I'),
    ('Ј', 'J'),
    ('Ԛ', 'Q'),
    ('Ԝ', 'W'),
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('ѕ', 's'),
    ('і', 'i'),
    ('ј', 'j'),
    ('һ', 'h'),
    ('ԁ', 'd'),
    ('ԛ', 'q'),
    ('ԝ', 'w'),
    ('Α', 'A'),
    ('Β', 'B'),
    ('Ε', 'E'),
    ('Ζ', 'Z'),
    ('Η', 'H'),
    ('Ι', 'I'),
    ('Κ', 'K'),
    ('Μ', 'M'),
    ('Ν', 'N'),
    ('Ο', 'O'),
    ('Ρ', 'P'),
    ('Τ', 'T'),
    ('Υ', 'Y'),
    ('Χ', 'X'),
    ('ο', 'o'),
    ('α', 'a'),
    ('ν', 'v'),
    ('ι', 'i'),
    ('ρ', 'p'),
    ('υ', 'u'),
    ('χ', 'x'),
    ('κ', 'k'),
];

/// The Latin letter a Cyrillic or Greek letter passes for, if it passes for one.
pub fn latin_lookalike(c: char) -> Option<char> {
    LOOKALIKES.iter().find(|(k, _)| *k == c).map(|(_, l)| *l)
}

/// The script of a letter that is not Latin, for saying which letters were read as Latin.
pub fn script_of(c: char) -> &'static str {
    match c as u32 {
        0x370..=0x3FF => "Greek",
        0x400..=0x52F => "Cyrillic",
        _ => "other",
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic())
}

/// `s` with the Cyrillic and Greek lookalike letters inside Latin words read as the Latin
/// letters they pass for (`Pаkistаn` typed with two Cyrillic `а` is `Pakistan`), or `None` when
/// there are none. A word with no Latin letter is left as it is, so Cyrillic and Greek words
/// are searched as they are written.
pub fn read_lookalikes(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut word = String::new();
    let mut flush = |word: &mut String, out: &mut String| {
        if word.chars().any(is_latin_letter) && word.chars().any(|c| latin_lookalike(c).is_some()) {
            changed = true;
            out.extend(word.chars().map(|c| latin_lookalike(c).unwrap_or(c)));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in s.chars() {
        if is_word_char(c) || is_invisible(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    changed.then_some(out)
}

/// Folds a whole string (for comparing a query with a name).
pub fn fold_text(s: &str) -> String {
    tokens(s)
        .into_iter()
        .map(|t| canonical(&t.text).unwrap_or(t.text))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn lookalike_letters_inside_latin_words_are_read_as_latin() {
        fn check(typed: &str, read: Option<&str>) {
            assert_eq!(super::read_lookalikes(typed).as_deref(), read, "{typed:?}");
        }
        let cases = [
            ("P\u{430}kist\u{430}n", Some("Pakistan")),
            ("\u{420}eace Mission", Some("Peace Mission")),
            ("\u{39D}ATO and \u{3BD}isit", Some("NATO and visit")),
            ("Pakistan", None),
            // Cyrillic and Greek words are left as they are written.
            ("\u{41C}\u{438}\u{440} \u{43C}\u{43E}\u{440}", None),
            ("\u{3B1}\u{3BB}\u{3C6}\u{3B1}", None),
            ("\u{41C}\u{43E}\u{441}\u{43A}\u{432}\u{430} Moscow", None),
            ("", None),
        ];
        for (typed, read) in cases {
            check(typed, read);
        }
    }

    use super::*;

    #[test]
    fn letters_lowercase_as_unicode_says_in_the_alphabets_folded() {
        let blocks = [
            0x80..0x180,
            0x200..0x234,
            0x370..0x400,
            0x400..0x530,
            0x530..0x590,
            0x1E00..0x1F00,
        ];
        let mut bad = Vec::new();
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            let mut unicode = c.to_lowercase();
            let expect = match (unicode.next(), unicode.next()) {
                (Some(l), None) => l,
                // İ lowercases to i and a combining dot, which folding drops.
                _ => 'i',
            };
            if lower(c) != expect {
                bad.push(format!("U+{:04X}->{:04X}", c as u32, expect as u32));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join(" "));
    }

    fn check_tokens(input: &str, expect: &[&str]) {
        let got: Vec<String> = tokens(input)
            .into_iter()
            .map(|t| {
                if t.joins_previous {
                    format!("+{}", t.text)
                } else {
                    t.text
                }
            })
            .collect();
        assert_eq!(got, expect, "{input:?}");
    }

    #[test]
    fn tokens_fold_case_diacritics_and_punctuation() {
        check_tokens("Mi-35M", &["mi", "+35m"]);
        check_tokens("Mi 35M", &["mi", "+35m"]);
        check_tokens("mi35m", &["mi35m"]);
        check_tokens("Peace Mission-2018", &["peace", "mission", "+2018"]);
        check_tokens("Peace Mission 2018", &["peace", "mission", "+2018"]);
        check_tokens("counter-terrorism", &["counter", "+terrorism"]);
        check_tokens("Pakistan’s Ambassador", &["pakistan", "s", "ambassador"]);
        check_tokens("Ürümqi, São Paulo", &["urumqi", "sao", "paulo"]);
        check_tokens("Straße ÆON", &["strasse", "aeon"]);
        check_tokens("Cafe\u{301} ok", &["cafe", "ok"]);
        check_tokens(
            "31 October — 1 November",
            &["31", "+october", "1", "+november"],
        );
        check_tokens("SCO, CIS", &["sco", "cis"]);
        check_tokens("", &[]);
        // What shows nothing is nothing; fullwidth forms are their ASCII letters.
        check_tokens("pea\u{200B}ce mis\u{AD}sion", &["peace", "mission"]);
        check_tokens("\u{FEFF}sco\u{200D}", &["sco"]);
        check_tokens("ｐｅａｃｅ ２０１７", &["peace", "+2017"]);
        check_tokens("ＰＥＡＣＥ－ＭＩＳＳＩＯＮ", &["peace", "+mission"]);
    }

    #[test]
    fn the_stop_word_list_is_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "{STOP_WORDS:?}");
        assert!(is_stop_word("when") && is_stop_word("the") && !is_stop_word("join"));
    }

    #[test]
    fn british_and_american_spellings_meet() {
        fn check(input: &str, expect: Option<&str>) {
            assert_eq!(canonical(input).as_deref(), expect, "{input:?}");
        }
        check("organisation", Some("organization"));
        check("organisations", Some("organizations"));
        check("defence", Some("defense"));
        check("programme", Some("program"));
        check("favourable", Some("favorable"));
        check("manoeuvres", Some("maneuvers"));
        check("organization", None);
        check("defense", None);
        check("four", None);
        check("exercise", None);
        assert_eq!(
            fold_text("Ministry of Defence"),
            fold_text("ministry of defense")
        );
        assert_eq!(
            fold_text("Shanghai Cooperation Organisation"),
            fold_text("Shanghai Cooperation Organization")
        );
    }
}
