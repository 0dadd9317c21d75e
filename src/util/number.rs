//! Real numbers as the outputs write them: whole numbers without a
//! fraction (`720`, not `720.0`), others in the shortest form that reads
//! back to the same number. A weighted result that happens to be whole reads
//! exactly as the unweighted one did.

use serde_json::Value;

/// Below this, a whole `f64` is written as an integer (every integer up to
/// it is exact in an `f64`).
const WHOLE_LIMIT: f64 = 9_007_199_254_740_992.0; // 2^53

/// `v` as text: `3`, `2.5`, `0.1`; from 10^16 on in scientific notation
/// (`1e300`, not three hundred digits).
pub(crate) fn text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < WHOLE_LIMIT {
        format!("{}", v as i64)
    } else if v.abs() >= 1e16 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// `v` as a JSON number: an integer when whole, so that `720.0` is written
/// `720`; non-finite values (which no result holds) as `null`.
pub(crate) fn json(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < WHOLE_LIMIT {
        Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_have_no_fraction() {
        assert_eq!(text(720.0), "720");
        assert_eq!(text(2.5), "2.5");
        assert_eq!(text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(json(720.0).to_string(), "720");
        assert_eq!(json(-3.0).to_string(), "-3");
        assert_eq!(json(0.25).to_string(), "0.25");
        assert_eq!(json(f64::NAN), Value::Null);
        assert_eq!(text(1e300), "1e300");
        assert_eq!(text(1.5e17), "1.5e17");
    }
}
