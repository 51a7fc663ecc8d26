//! Reading a decimal number into an `f64`, correctly rounded, with the same
//! grammar and the same result as `str::parse::<f64>` (the tests compare the
//! two on edge cases and on random inputs).
//!
//! Why not `str::parse`: the standard parser carries a 10 KiB table of
//! 128-bit powers of five (Eisel-Lemire) and its code, about 13 KB of the
//! gzipped web app, for one setting (`min.cleanable.dirty.ratio`). This
//! reader takes the exact fast path for short inputs (at most 2^53 as digits
//! and a power of ten up to 10^22, where one IEEE multiplication or division
//! is exact before its single rounding) and otherwise corrects an estimate
//! one unit in the last place at a time by exact big-integer comparison with
//! the halfway points, ties to even.

/// Significant digits kept; the rest only tell whether the value lies above
/// a kept prefix (a halfway point between two doubles has at most 767).
const MAX_DIGITS: usize = 800;

/// `s` as an `f64` exactly as `s.parse::<f64>().ok()` reads it: an optional
/// sign, then `inf`, `infinity` or `nan` (any case), or digits with an
/// optional point and an optional exponent (`1`, `-0.5`, `.5`, `5.`, `1e-3`).
#[must_use]
pub fn parse_f64(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (negative, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let v = if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        f64::INFINITY
    } else if rest.eq_ignore_ascii_case(b"nan") {
        f64::NAN
    } else {
        parse_decimal(rest)?
    };
    Some(if negative { -v } else { v })
}

/// An unsigned decimal: the value of `digits` (no leading zeros) times
/// 10^`exp10`.
fn parse_decimal(b: &[u8]) -> Option<f64> {
    let mut digits: Vec<u8> = Vec::new();
    let mut exp10: i64 = 0;
    let mut seen_digit = false;
    let mut dropped_nonzero = false;
    let mut i = 0;
    let mut in_fraction = false;
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                seen_digit = true;
                if in_fraction {
                    exp10 -= 1;
                }
                if digits.is_empty() && c == b'0' {
                    // A leading zero adds nothing.
                } else if digits.len() < MAX_DIGITS {
                    digits.push(c - b'0');
                } else {
                    exp10 += 1;
                    dropped_nonzero |= c != b'0';
                }
            }
            b'.' if !in_fraction => in_fraction = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    if i < b.len() {
        if !matches!(b[i], b'e' | b'E') {
            return None;
        }
        i += 1;
        let negative = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        if i == b.len() {
            return None;
        }
        let mut e: i64 = 0;
        for &c in &b[i..] {
            if !c.is_ascii_digit() {
                return None;
            }
            e = (e * 10 + i64::from(c - b'0')).min(1_000_000_000);
        }
        exp10 += if negative { -e } else { e };
    }
    if dropped_nonzero {
        // Strictly above the kept prefix: one more digit says so exactly.
        digits.push(1);
        exp10 -= 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exp10 += 1;
    }
    if digits.is_empty() {
        return Some(0.0);
    }
    // The value lies in [10^(magnitude-1), 10^magnitude).
    let magnitude = digits.len() as i64 + exp10;
    if magnitude > 310 {
        return Some(f64::INFINITY);
    }
    if magnitude < -330 {
        return Some(0.0);
    }
    let exp10 = exp10 as i32;
    // Fast path: both operands exact, so the one operation rounds correctly.
    if digits.len() <= 15 && exp10.unsigned_abs() <= 22 {
        let m = digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
        let p = pow10_exact(exp10.unsigned_abs());
        return Some(if exp10 < 0 { m / p } else { m * p });
    }
    Some(correct(&digits, exp10, estimate(&digits, exp10)))
}

/// 10^k exactly, for k ≤ 22.
fn pow10_exact(k: u32) -> f64 {
    (0..k).fold(1.0, |p, _| p * 10.0)
}

/// A value within a few units in the last place (or 0/∞ at the ends).
fn estimate(digits: &[u8], exp10: i32) -> f64 {
    let taken = digits.len().min(19);
    let m = digits[..taken]
        .iter()
        .fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
    let e = exp10 + (digits.len() - taken) as i32;
    // Scale in two steps so neither over- nor underflows early.
    if e < -290 {
        m * 10f64.powi(e + 290) * 1e-290
    } else if e > 290 {
        m * 10f64.powi(e - 290) * 1e290
    } else {
        m * 10f64.powi(e)
    }
}

/// The double nearest `digits` × 10^`exp10` (ties to even), starting from
/// `guess`. A double is `m` × 2^`e` with 2^52 ≤ m < 2^53, or m < 2^52 and
/// e = -1074 (subnormal).
fn correct(digits: &[u8], exp10: i32, guess: f64) -> f64 {
    const HIDDEN: u64 = 1 << 52;
    const MAX_E: i32 = 971;
    const MIN_E: i32 = -1074;
    let (mut m, mut e) = if guess.is_infinite() {
        (2 * HIDDEN - 1, MAX_E)
    } else if guess == 0.0 {
        (1, MIN_E)
    } else {
        let bits = guess.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let frac = bits & (HIDDEN - 1);
        if biased == 0 {
            (frac, MIN_E)
        } else {
            (frac | HIDDEN, biased - 1075)
        }
    };
    let value = Big::from_digits(digits);
    // Sign of (digits × 10^exp10) - (half × 2^half_e).
    let compare = |half: u64, half_e: i32| -> std::cmp::Ordering {
        let mut lhs = value.clone();
        let mut rhs = Big::from_u64(half);
        if exp10 >= 0 {
            lhs.mul_pow10(exp10 as u32);
        } else {
            rhs.mul_pow10(exp10.unsigned_abs());
        }
        if half_e >= 0 {
            rhs.shl(half_e as u32);
        } else {
            lhs.shl(half_e.unsigned_abs());
        }
        lhs.cmp(&rhs)
    };
    use std::cmp::Ordering::{Equal, Greater, Less};
    loop {
        // Above the halfway point to the next double up?
        match compare(2 * m + 1, e - 1) {
            Greater => {
                m += 1;
                if m == 2 * HIDDEN {
                    m = HIDDEN;
                    e += 1;
                    if e > MAX_E {
                        return f64::INFINITY;
                    }
                }
                continue;
            }
            Equal => {
                if m % 2 == 1 {
                    m += 1;
                    if m == 2 * HIDDEN {
                        m = HIDDEN;
                        e += 1;
                        if e > MAX_E {
                            return f64::INFINITY;
                        }
                    }
                }
                break;
            }
            Less => {}
        }
        // Below the halfway point to the next double down? At a power of two
        // the double below is twice as close.
        let boundary = m == HIDDEN && e > MIN_E;
        let (half, half_e) = if boundary {
            (4 * m - 1, e - 2)
        } else {
            (2 * m - 1, e - 1)
        };
        match compare(half, half_e) {
            Less => {
                if boundary {
                    m = 2 * HIDDEN - 1;
                    e -= 1;
                } else {
                    m -= 1;
                    if m == 0 {
                        return 0.0;
                    }
                }
            }
            Equal => {
                if m % 2 == 1 {
                    if boundary {
                        m = 2 * HIDDEN - 1;
                        e -= 1;
                    } else {
                        m -= 1;
                    }
                }
                break;
            }
            Greater => break,
        }
    }
    if m == 0 {
        return 0.0;
    }
    if m < HIDDEN {
        f64::from_bits(m)
    } else {
        f64::from_bits(((e + 1075) as u64) << 52 | (m - HIDDEN))
    }
}

/// An unsigned big integer, little-endian 32-bit limbs.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Big {
        let mut b = Big(vec![n as u32, (n >> 32) as u32]);
        b.trim();
        b
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let n = chunk.iter().fold(0u32, |n, &d| n * 10 + u32::from(d));
            b.mul_add(10u32.pow(chunk.len() as u32), n);
        }
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// self = self × factor + add.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut k: u32) {
        while k > 0 {
            let step = k.min(9);
            self.mul_add(10u32.pow(step), 0);
            k -= step;
        }
    }

    fn shl(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if limbs > 0 && !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    fn same(s: &str) {
        let ours = parse_f64(s);
        let std = s.parse::<f64>().ok();
        match (ours, std) {
            (Some(a), Some(b)) => assert!(
                a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                "{s:?}: {a:e} ({:#x}) vs std {b:e} ({:#x})",
                a.to_bits(),
                b.to_bits()
            ),
            (a, b) => assert_eq!(a.is_some(), b.is_some(), "{s:?}: {a:?} vs std {b:?}"),
        }
    }

    #[test]
    fn grammar_is_the_standard_one() {
        for s in [
            "",
            "+",
            "-",
            ".",
            "e",
            "e5",
            "1e",
            "1e+",
            "1e-",
            "1.2.3",
            "1e5.5",
            " 1",
            "1 ",
            "0x10",
            "1_000",
            "inf",
            "-inf",
            "+Infinity",
            "INF",
            "infinit",
            "nan",
            "-NaN",
            "NaNa",
            "1.",
            ".5",
            "-.5",
            "+.5e1",
            "0",
            "-0",
            "00.000",
            "0e999999999999999",
            "1E3",
            "1e+3",
            "1d",
            "1f",
            "١",
            "--1",
            "+-1",
        ] {
            same(s);
        }
    }

    #[test]
    fn edge_values_round_like_the_standard_reader() {
        for s in [
            "0.5",
            "0.1",
            "0.3",
            "1",
            "0.12345678901234567890123",
            "9007199254740993",
            "9007199254740993.0000000000000000001",
            "9007199254740995",
            "9007199254740994.9999999999999999999",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "7.4109846876186982e-324",
            "1e-330",
            "1e-400",
            "1e310",
            "1e23",
            "8.589973e9",
            "123456789012345678901234567890e-30",
            "0.000000000000000000000000000000000000001",
            "3.0000000000000000000000000000000000000000000000000000000000000000000000000000001",
        ] {
            same(s);
            same(&format!("-{s}"));
        }
        let long = format!("0.{}", "3".repeat(2000));
        same(&long);
        let long = format!("{}e-1000", "9".repeat(1200));
        same(&long);
    }

    #[test]
    fn random_inputs_read_exactly_as_the_standard_reader() {
        let mut rng = ChaCha8Rng::seed_from_u64(15);
        for _ in 0..8_000 {
            let n = rng.random_range(1..40);
            let mut s: String = (0..n)
                .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
                .collect();
            if rng.random_bool(0.7) {
                let at = rng.random_range(0..=s.len());
                s.insert(at, '.');
            }
            if rng.random_bool(0.6) {
                s.push_str(&format!("e{}", rng.random_range(-345..330)));
            }
            same(&s);
        }
        // Doubles printed in full, and nudged past their last digit.
        for _ in 0..8_000 {
            let x = f64::from_bits(rng.random::<u64>() & !(1 << 63));
            if !x.is_finite() {
                continue;
            }
            same(&format!("{x:e}"));
            same(&format!("{x:.25e}"));
            same(&format!("{x:.25e}").replacen('e', "1e", 1));
            same(&format!("{x:.40e}").replacen('e', "9e", 1));
        }
    }
}
