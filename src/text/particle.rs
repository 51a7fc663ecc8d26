//! Korean particles chosen by the word before them: 이/가, 을/를, 은/는,
//! 과/와, (으)로. A word that ends in a consonant sound (a final consonant,
//! 받침) takes the first form; 로 also follows a final ㄹ.
//!
//! How the final sound is found, from the last letter or digit of the word
//! (closing quotes, brackets and other marks are skipped):
//! - a Hangul syllable: its own final consonant;
//! - digits: the number as Korean reads it (Sino-Korean): `1` 일 (ㄹ), `2`
//!   이, `3` 삼, `10` 십, `100` 백, `1000` 천, `10000` 만, `0` 영; after a
//!   decimal point digit by digit (`1.5` … 오);
//! - Latin letters (a documented heuristic, as loanwords are read):
//!   an abbreviation of at most three capitals is read letter by letter, and
//!   only L, M, N, R end in a consonant (엘, 엠, 엔, 알); a word ends in a
//!   consonant when it ends in `l` (ㄹ), `m`, `n` or `ng`, or in `b`, `k`,
//!   `p`, `t` right after a vowel or in `ck` (`ack` 액, `commit` 커밋,
//!   `group` 그룹); other endings (`orders` 오더스, `leader` 리더, `log`
//!   로그, `record` 레코드) take the vowel form;
//! - `%` is read 퍼센트 (no final consonant).

/// The end of a word as a particle hears it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Final {
    /// No final consonant.
    Vowel,
    /// The final consonant ㄹ (takes 로, not 으로).
    Rieul,
    /// Any other final consonant.
    Consonant,
}

fn hangul(c: char) -> Option<Final> {
    let code = u32::from(c);
    if !(0xAC00..=0xD7A3).contains(&code) {
        return None;
    }
    Some(match (code - 0xAC00) % 28 {
        0 => Final::Vowel,
        8 => Final::Rieul,
        _ => Final::Consonant,
    })
}

/// A digit read alone (Sino-Korean): 영 일 이 삼 사 오 육 칠 팔 구.
fn digit(d: u8) -> Final {
    match d {
        1 | 7 | 8 => Final::Rieul,
        0 | 3 | 6 => Final::Consonant,
        _ => Final::Vowel,
    }
}

/// A whole number from its digits: the last non-zero digit, or the unit
/// its trailing zeros make (십 백 천 만 억 조 경).
fn number(digits: &str) -> Final {
    let trimmed = digits.trim_end_matches('0');
    let zeros = digits.len() - trimmed.len();
    if trimmed.is_empty() {
        return Final::Consonant; // 영
    }
    if zeros == 0 {
        return digit(trimmed.as_bytes()[trimmed.len() - 1] - b'0');
    }
    match zeros {
        12..=15 => Final::Vowel, // 조
        _ => Final::Consonant,   // 십 백 천 만 억 경
    }
}

fn latin(word: &str) -> Final {
    let letters: Vec<char> = word
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let Some(&last) = letters.last() else {
        return Final::Vowel;
    };
    if letters.len() <= 3 && letters.iter().all(char::is_ascii_uppercase) {
        return match last {
            'L' | 'R' => Final::Rieul,
            'M' | 'N' => Final::Consonant,
            _ => Final::Vowel,
        };
    }
    let lower: String = letters.iter().map(char::to_ascii_lowercase).collect();
    let last = lower.chars().last().unwrap_or('a');
    let before = lower.chars().rev().nth(1);
    let vowel = |c: Option<char>| matches!(c, Some('a' | 'e' | 'i' | 'o' | 'u'));
    if lower.ends_with("ng") || matches!(last, 'm' | 'n') {
        Final::Consonant
    } else if last == 'l' {
        Final::Rieul
    } else if lower.ends_with("ck") || (matches!(last, 'b' | 'k' | 'p' | 't') && vowel(before)) {
        Final::Consonant
    } else {
        Final::Vowel
    }
}

/// How `word` ends, as a particle hears it.
fn final_of(word: &str) -> Final {
    let word =
        word.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '%') || c.is_whitespace());
    let Some(last) = word.chars().last() else {
        return Final::Vowel;
    };
    if let Some(f) = hangul(last) {
        return f;
    }
    if last == '%' {
        return Final::Vowel;
    }
    if last.is_ascii_digit() {
        let digits: String = word
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let before = word[..word.len() - digits.len()].chars().last();
        if before == Some('.') {
            return digit(digits.as_bytes()[digits.len() - 1] - b'0');
        }
        return number(&digits);
    }
    if last.is_ascii_alphabetic() {
        return latin(word);
    }
    Final::Vowel
}

fn pick(word: &str, particle: &str) -> String {
    format!("{word}{}", after(word, particle).unwrap_or(particle))
}

/// The form of a particle to write after `before`: `particle` names it by
/// either of its forms (`이` or `가`, `을` or `를`, `은` or `는`, `과` or
/// `와`, `으로` or `로`); `None` for anything else.
#[must_use]
pub fn after(before: &str, particle: &str) -> Option<&'static str> {
    let (consonant, vowel, rieul) = match particle {
        "이" | "가" => ("이", "가", "이"),
        "을" | "를" => ("을", "를", "을"),
        "은" | "는" => ("은", "는", "은"),
        "과" | "와" => ("과", "와", "과"),
        "으로" | "로" => ("으로", "로", "로"),
        _ => return None,
    };
    Some(match final_of(before) {
        Final::Vowel => vowel,
        Final::Rieul => rieul,
        Final::Consonant => consonant,
    })
}

/// The word with 이 or 가 (subject).
#[must_use]
pub fn ga(word: &str) -> String {
    pick(word, "이")
}

/// The word with 을 or 를 (object).
#[must_use]
pub fn reul(word: &str) -> String {
    pick(word, "을")
}

/// The word with 은 or 는 (topic).
#[must_use]
pub fn neun(word: &str) -> String {
    pick(word, "은")
}

/// The word with 과 or 와 (and, with).
#[must_use]
pub fn wa(word: &str) -> String {
    pick(word, "과")
}

/// The word with 으로 or 로 (to, as); 로 after a vowel or a final ㄹ.
#[must_use]
pub fn ro(word: &str) -> String {
    pick(word, "로")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_by_its_final_consonant() {
        assert_eq!(ga("민준"), "민준이");
        assert_eq!(ga("프로듀서"), "프로듀서가");
        assert_eq!(reul("레코드"), "레코드를");
        assert_eq!(reul("오프셋"), "오프셋을");
        assert_eq!(neun("그룹"), "그룹은");
        assert_eq!(neun("리더"), "리더는");
        assert_eq!(wa("팔로워"), "팔로워와");
        assert_eq!(wa("세그먼트"), "세그먼트와");
        assert_eq!(wa("컨슈머 그룹"), "컨슈머 그룹과");
        assert_eq!(ro("서울"), "서울로");
        assert_eq!(ro("처음"), "처음으로");
        assert_eq!(ro("끝"), "끝으로");
        assert_eq!(ro("파티션"), "파티션으로");
        assert_eq!(ro("브로커"), "브로커로");
    }

    #[test]
    fn numbers_by_their_korean_reading() {
        assert_eq!(ga("broker-1"), "broker-1이"); // 일
        assert_eq!(ga("consumer-2"), "consumer-2가"); // 이
        assert_eq!(ga("3"), "3이"); // 삼
        assert_eq!(ga("4"), "4가"); // 사
        assert_eq!(ro("1"), "1로"); // 일: ㄹ
        assert_eq!(ro("3"), "3으로"); // 삼
        assert_eq!(ro("5"), "5로"); // 오
        assert_eq!(ro("6"), "6으로"); // 육
        assert_eq!(reul("orders-0"), "orders-0을"); // 영
        assert_eq!(reul("10"), "10을"); // 십
        assert_eq!(reul("20"), "20을"); // 이십
        assert_eq!(reul("100"), "100을"); // 백
        assert_eq!(reul("1000"), "1000을"); // 천
        assert_eq!(reul("50000"), "50000을"); // 오만
        assert_eq!(reul("1000000000000"), "1000000000000를"); // 일조
        assert_eq!(reul("12"), "12를"); // 십이
        assert_eq!(ro("17"), "17로"); // 십칠
        assert_eq!(ga("1.5"), "1.5가"); // 일 점 오
        assert_eq!(ga("2.0"), "2.0이"); // 이 점 영
        assert_eq!(ga("0"), "0이"); // 영
    }

    #[test]
    fn latin_by_the_documented_heuristic() {
        assert_eq!(ga("orders"), "orders가"); // 오더스
        assert_eq!(ga("producer"), "producer가"); // 프로듀서
        assert_eq!(ga("order-audit"), "order-audit이"); // 오딧
        assert_eq!(reul("commit"), "commit을"); // 커밋
        assert_eq!(reul("ack"), "ack을"); // 액
        assert_eq!(neun("group"), "group은"); // 그룹
        assert_eq!(neun("log"), "log는"); // 로그
        assert_eq!(ro("sensors"), "sensors로");
        assert_eq!(ro("signal"), "signal로"); // ㄹ
        assert_eq!(ro("main"), "main으로");
        assert_eq!(ro("ping"), "ping으로");
        assert_eq!(ga("ISR"), "ISR이"); // 아이에스알
        assert_eq!(ro("ISR"), "ISR로"); // ㄹ
        assert_eq!(ga("HW"), "HW가"); // 에이치더블유
        assert_eq!(ga("LEO"), "LEO가"); // 엘이오
        assert_eq!(ga("EAGER"), "EAGER가"); // a word: 이거
        assert_eq!(ga("STOP"), "STOP이"); // a word: 스톱
        assert_eq!(ga("OK"), "OK가"); // 오케이
        assert_eq!(ga("OFFSET_OUT_OF_RANGE"), "OFFSET_OUT_OF_RANGE가");
    }

    #[test]
    fn closing_marks_are_skipped() {
        assert_eq!(ga("\"alice\""), "\"alice\"가");
        assert_eq!(ga("\"민준\""), "\"민준\"이");
        assert_eq!(ro("[p0, p1]"), "[p0, p1]로");
        assert_eq!(ga("50%"), "50%가");
        assert_eq!(ga(""), "가");
    }
}
