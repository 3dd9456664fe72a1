//! Calibration: of the estimates given at about 70%, how many were right? A well-calibrated
//! reporter is right about 70% of the time when saying 70%.

use crate::votes::Score;

/// The estimates whose stated probability fell in one band of ten points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// The band's lower bound, in percent: 50 means 50–59%.
    pub from: u32,
    pub count: usize,
    pub right: usize,
    /// The mean probability stated in the band.
    pub stated: f64,
}

impl Band {
    pub fn to(&self) -> u32 {
        if self.from == 90 { 100 } else { self.from + 9 }
    }

    /// How often the estimates in the band were right.
    pub fn hit_rate(&self) -> f64 {
        self.right as f64 / self.count as f64
    }

    /// "you said 70%; you were right 4 times in 6".
    pub fn sentence(&self) -> String {
        format!(
            "you said {}–{}%: right {} time{} in {} ({:.0}%)",
            self.from,
            self.to(),
            self.right,
            if self.right == 1 { "" } else { "s" },
            self.count,
            self.hit_rate() * 100.0
        )
    }
}

/// The non-empty bands, lowest first.
pub fn bands<'a>(scores: impl Iterator<Item = &'a Score>) -> Vec<Band> {
    let mut bands: Vec<Band> = (0..10)
        .map(|b| Band {
            from: b * 10,
            count: 0,
            right: 0,
            stated: 0.0,
        })
        .collect();
    for s in scores {
        let p = s.probability.clamp(0.0, 1.0);
        // 1.0 belongs to the top band, with 0.9.
        let b = ((p * 10.0).floor() as usize).min(9);
        bands[b].count += 1;
        bands[b].right += s.right() as usize;
        bands[b].stated += p;
    }
    bands
        .into_iter()
        .filter(|b| b.count > 0)
        .map(|b| Band {
            stated: b.stated / b.count as f64,
            ..b
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{GovId, Station, TelegramId};

    fn score(p: f64, right: bool) -> Score {
        Score {
            from: Station::Department,
            telegram: TelegramId(0),
            request: 0,
            government: GovId(0),
            chosen: 0,
            truth: if right { 0 } else { 1 },
            probability: p,
            by_player: true,
            vote: None,
            expected: None,
            cast: None,
        }
    }

    #[test]
    fn estimates_fall_in_bands_of_ten_points() {
        let scores = [
            score(0.7, true),
            score(0.72, true),
            score(0.75, false),
            score(0.79, true),
            score(0.7, true),
            score(0.7, false),
            score(1.0, true),
            score(0.55, false),
        ];
        let b = bands(scores.iter());
        assert_eq!(b.len(), 3);
        assert_eq!((b[0].from, b[0].count, b[0].right), (50, 1, 0));
        assert_eq!((b[1].from, b[1].count, b[1].right), (70, 6, 4));
        assert_eq!(b[1].sentence(), "you said 70–79%: right 4 times in 6 (67%)");
        assert_eq!((b[2].from, b[2].to(), b[2].count), (90, 100, 1));
        assert!(bands([].iter()).is_empty());
    }
}
