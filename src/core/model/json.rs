//! JSON as the app writes it: the one writer of a JSON string literal, which is also a TOML
//! basic string (the draft command writes its values with it). The wasm writes its downloads'
//! JSON with it; on the host, JSON goes through `serde_json`.

/// A JSON string literal, which is also a TOML basic string (the draft command writes its
/// values with it): every control character escaped, DEL and C1 included, as TOML requires.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_literal_reads_back_the_same_in_json_and_in_toml() {
        for s in [
            "plain",
            "say \"yes\" \\ no",
            "two\nlines\tand\r",
            "bell\u{7} del\u{7f} c1\u{85}",
            "Чебаркуль “Peace Mission”",
        ] {
            let lit = json_string(s);
            let json: String = serde_json::from_str(&lit).expect("JSON");
            let toml: toml::Table = toml::from_str(&format!("v = {lit}")).expect("TOML");
            assert_eq!((json.as_str(), toml["v"].as_str()), (s, Some(s)), "{lit}");
        }
    }
}
