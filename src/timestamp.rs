//! Points in time for the files jointly keeps (bookmarks, set-aside copies):
//! UTC, to the millisecond, written as RFC 3339 (`2025-12-01T09:30:00.000Z`).
//!
//! Written by hand rather than with a date crate: jointly only needs "now",
//! a total order and one text form, and the calendar arithmetic is a few lines.

use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::Date;

const MS_PER_DAY: i64 = 86_400_000;

/// Milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The current time. A clock set before 1970 reads as 1970: ordering
    /// then falls back on the tie rules, which are deterministic.
    pub fn now() -> Timestamp {
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        Timestamp(ms)
    }

    /// The instant `ms` milliseconds after the Unix epoch.
    pub fn from_millis(ms: i64) -> Timestamp {
        Timestamp(ms)
    }

    /// Milliseconds after the Unix epoch.
    pub fn millis(self) -> i64 {
        self.0
    }

    /// The instant `ms` milliseconds later (saturating).
    pub fn plus_millis(self, ms: i64) -> Timestamp {
        Timestamp(self.0.saturating_add(ms))
    }

    /// A compact form for file names: `20251201T093000Z`.
    pub fn file_suffix(self) -> String {
        let (y, mo, d, h, mi, s, _) = self.parts();
        format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z")
    }

    /// A short form for people: `2025-12-01 09:30 UTC`.
    pub fn human(self) -> String {
        let (y, mo, d, h, mi, _, _) = self.parts();
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02} UTC")
    }

    fn parts(self) -> (i64, u32, u32, i64, i64, i64, i64) {
        let days = self.0.div_euclid(MS_PER_DAY);
        let ms = self.0.rem_euclid(MS_PER_DAY);
        let (y, mo, d) = civil_from_days(days);
        (
            y,
            mo,
            d,
            ms / 3_600_000,
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000,
        )
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 with milliseconds: `2025-12-01T09:30:00.000Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s, ms) = self.parts();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z")
    }
}

impl FromStr for Timestamp {
    type Err = String;

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (UTC only, as jointly writes it).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a UTC time of the form 2025-12-01T09:30:00.000Z");
        let (date, rest) = s.split_once('T').ok_or_else(bad)?;
        let date: Date = date.parse()?;
        let time = rest.strip_suffix('Z').ok_or_else(bad)?;
        let (hms, frac) = match time.split_once('.') {
            Some((hms, frac)) => (hms, frac),
            None => (time, ""),
        };
        let mut fields = hms.split(':');
        let mut next = |max: i64| -> Result<i64, String> {
            let f = fields.next().ok_or_else(bad)?;
            let v: i64 = (f.len() == 2).then(|| f.parse().ok()).flatten().ok_or_else(bad)?;
            (0..=max).contains(&v).then_some(v).ok_or_else(bad)
        };
        let (h, mi, sec) = (next(23)?, next(59)?, next(59)?);
        if fields.next().is_some() || frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let ms: i64 = format!("{frac:0<3}").parse().map_err(|_| bad())?;
        let days = days_from_civil(
            i64::from(date.year()),
            u32::from(date.month()),
            u32::from(date.day()),
        );
        Ok(Timestamp(
            days * MS_PER_DAY + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms,
        ))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Year, month, day of a day count from 1970-01-01 (H. Hinnant's algorithm,
/// exact over the whole proleptic Gregorian calendar).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The inverse of [`civil_from_days`].
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants_format_and_parse() {
        let t = Timestamp::from_millis(1_764_581_400_123);
        assert_eq!(t.to_string(), "2025-12-01T09:30:00.123Z");
        assert_eq!(t.file_suffix(), "20251201T093000Z");
        assert_eq!(t.human(), "2025-12-01 09:30 UTC");
        assert_eq!("2025-12-01T09:30:00.123Z".parse(), Ok(t));
        assert_eq!(Timestamp::from_millis(0).to_string(), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            "2024-02-29T23:59:59Z".parse::<Timestamp>().map(|t| t.to_string()),
            Ok("2024-02-29T23:59:59.000Z".into())
        );
        assert_eq!(
            "2000-03-01T00:00:00.5Z".parse::<Timestamp>().map(|t| t.millis()),
            Ok(951_868_800_500)
        );
    }

    #[test]
    fn bad_times_are_refused() {
        for s in [
            "2025-12-01",
            "2025-12-01T09:30:00",
            "2025-12-01T24:00:00Z",
            "2025-12-01T09:60:00Z",
            "2025-02-30T09:30:00Z",
            "2025-12-01T9:30:00Z",
            "2025-12-01T09:30:00.1234Z",
            "2025-12-01T09:30:00.x1Z",
            "2025-12-01T09:30:00:00Z",
            "2025-12-01T09:30:00+01:00",
        ] {
            assert!(s.parse::<Timestamp>().is_err(), "{s}");
        }
    }

    #[test]
    fn round_trips_over_four_centuries() {
        // One instant every ~37 days and some odd milliseconds, 1900-2300.
        let mut ms = -2_208_988_800_000_i64;
        while ms < 10_413_792_000_000 {
            let t = Timestamp::from_millis(ms);
            assert_eq!(t.to_string().parse(), Ok(t), "{t}");
            ms += 3_198_642_337;
        }
    }
}
