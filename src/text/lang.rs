//! The reader's language.

/// A language of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Korean (한국어).
    Ko,
}

impl Lang {
    /// Every language, in the order the language switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The BCP 47 tag, for `<html lang>` and `?lang=`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// From a tag such as `ko`, `ko-KR` or `en-US`; English otherwise.
    #[must_use]
    pub fn from_tag(tag: &str) -> Self {
        if tag.to_ascii_lowercase().starts_with("ko") {
            Lang::Ko
        } else {
            Lang::En
        }
    }

    /// The language's own name, for the language switch.
    #[must_use]
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
        }
    }
}

/// Something said in every language: a sentence enum of the catalogue says
/// each of its sentences in one `match`, every arm saying both languages
/// side by side (`match lang { Lang::En => …, Lang::Ko => … }`), so a
/// sentence without a translation does not compile.
pub trait Say {
    /// In `lang`.
    fn say(&self, lang: Lang) -> String;
    /// In English.
    fn en(&self) -> String {
        self.say(Lang::En)
    }
    /// In Korean.
    fn ko(&self) -> String {
        self.say(Lang::Ko)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_pick_the_language() {
        assert_eq!(Lang::from_tag("ko-KR"), Lang::Ko);
        assert_eq!(Lang::from_tag("KO"), Lang::Ko);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
    }
}
