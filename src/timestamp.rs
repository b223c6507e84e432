//! Points in time for the files jointly keeps (bookmarks, set-aside copies):
//! an instant to the millisecond, written as RFC 3339 in UTC
//! (`2025-12-01T09:30:00.000Z`) and read in any offset, as a person may
//! write it by hand (`2026-03-01T10:00:00+01:00`). Shown to people in their
//! own time zone. jiff does the calendar and the zones.

use std::fmt;
use std::str::FromStr;

use jiff::tz::TimeZone;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The current time. A clock set before 1970 reads as it is: ordering
    /// still falls back on the tie rules, which are deterministic.
    pub fn now() -> Timestamp {
        Timestamp(jiff::Timestamp::now().as_millisecond())
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

    /// The instant in jiff's terms; one out of jiff's range (about ±9999
    /// years) is clamped to its ends.
    fn jiff(self) -> jiff::Timestamp {
        jiff::Timestamp::from_millisecond(self.0).unwrap_or(if self.0 < 0 {
            jiff::Timestamp::MIN
        } else {
            jiff::Timestamp::MAX
        })
    }

    /// A compact form for file names, in UTC: `20251201T093000Z`.
    pub fn file_suffix(self) -> String {
        self.jiff().strftime("%Y%m%dT%H%M%SZ").to_string()
    }

    /// A short form for people, in their own time zone (`TZ`, else the
    /// system's): `2025-12-01 10:30 CET`.
    pub fn human(self) -> String {
        self.human_in(&TimeZone::system())
    }

    /// As [`Timestamp::human`], in the zone `tz`.
    pub fn human_in(self, tz: &TimeZone) -> String {
        self.jiff()
            .to_zoned_datetime(tz.clone())
            .strftime("%Y-%m-%d %H:%M %Z")
            .to_string()
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC with milliseconds: `2025-12-01T09:30:00.000Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.jiff().strftime("%Y-%m-%dT%H:%M:%S.%3fZ"))
    }
}

impl FromStr for Timestamp {
    type Err = String;

    /// Parses an RFC 3339 time with any offset (`Z`, `+01:00`, `-05:00`);
    /// digits past the millisecond are dropped.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse::<jiff::Timestamp>()
            .map(|t| Timestamp(t.as_millisecond()))
            .map_err(|_| {
                format!("`{s}` is not an RFC 3339 time such as 2025-12-01T09:30:00.000Z or 2026-03-01T10:00:00+01:00")
            })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants_format_and_parse() {
        let t = Timestamp::from_millis(1_764_581_400_123);
        assert_eq!(t.to_string(), "2025-12-01T09:30:00.123Z");
        assert_eq!(t.file_suffix(), "20251201T093000Z");
        assert_eq!(t.human_in(&TimeZone::UTC), "2025-12-01 09:30 UTC");
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
            "2025-12-01T09:30:00.x1Z",
            "2025-12-01T09:30:00:00Z",
            "2025-12-01T09:30:00+01:60",
            "2025-12-01T09:30:00+0100x",
        ] {
            assert!(s.parse::<Timestamp>().is_err(), "{s}");
        }
    }

    #[test]
    fn any_offset_is_read_as_the_same_instant() {
        let utc: Timestamp = "2026-03-01T09:00:00Z".parse().unwrap();
        for s in [
            "2026-03-01T10:00:00+01:00",
            "2026-03-01T04:00:00-05:00",
            "2026-03-01T09:00:00.000+00:00",
            "2026-03-01t09:00:00z",
        ] {
            assert_eq!(s.parse(), Ok(utc), "{s}");
        }
        assert_eq!(utc.to_string(), "2026-03-01T09:00:00.000Z");
    }

    #[test]
    fn people_see_their_own_zone() {
        let t: Timestamp = "2026-07-01T10:00:00Z".parse().unwrap();
        // A POSIX rule, so that the test needs no time zone database.
        let paris = TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        let fixed = TimeZone::fixed(jiff::tz::offset(-5));
        assert_eq!(t.human_in(&paris), "2026-07-01 12:00 CEST");
        assert!(
            t.human_in(&fixed).starts_with("2026-07-01 05:00"),
            "{}",
            t.human_in(&fixed)
        );
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
