//! The passage of a text most like a quote part that was not found: the hint
//! that puts a typo one glance away.
//!
//! Built only when a part is missing, once per text: the text's words (runs
//! between the single spaces of the comparison form), each with a key (its
//! letters and digits, lower-cased; words of punctuation alone are left
//! out) and each key's frequency. For a missing part of m words, every key of the part is matched to the text's keys —
//! exactly, or for a key the text lacks (a typo) to every key within a small
//! edit distance (one edit from 4 characters on, two from 8), at a lower
//! weight. A matched key weighs its inverse document frequency
//! ln(1 + N / count), so that shared rare words count and shared `the`s
//! hardly do.
//!
//! A window of m words slides over the text keeping, in O(1) per step, the
//! summed weight of the distinct matched keys it holds; the best window (the
//! earliest among equals) wins, or the best of 2m words if it adds a third
//! of the part's possible weight (the quote left words out unmarked). It must hold
//! at least a fifth of the part's possible weight, or nothing resembles the
//! part. Within it, the shortest run holding four fifths of its weight drops
//! stray matches at the edges; that run is then aligned with the part: its
//! first and last matched words are extended by as many words as stand
//! before and after their keys in the part, so that a changed first or last
//! word still yields the whole sentence.
//!
//! Cost: O(n) to build for a text of n bytes, then O(words + fuzzy
//! comparisons) per missing part; nothing when every quote is found.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Range;

use crate::util::suggest::distance;

/// Weights are fixed-point (thousandths) so that the sliding sum is exact.
const SCALE: f64 = 1000.0;
/// A fuzzy (typo) match weighs this share of an exact one, in thousandths.
const FUZZY_SHARE: u64 = 600;
/// The best window must hold at least 1/`THRESHOLD` of the part's weight.
const THRESHOLD: u64 = 5;
/// A window twice the part's length is preferred when it adds at least
/// 1/`WIDER_GAIN` of the part's weight to the best window of its length.
const WIDER_GAIN: u64 = 3;
/// The passage is the shortest run holding this share (4/5) of the best
/// window's weight.
const TIGHT: (u64, u64) = (4, 5);

#[derive(Clone, Debug)]
struct Word {
    start: usize,
    end: usize,
    key: u32,
}

/// A distinct key of the text.
#[derive(Clone, Debug)]
struct Key {
    /// Where its text is in [`WordIndex::arena`].
    text: Range<usize>,
    chars: usize,
    /// The set of its characters, each as a bit (modulo 32): an edit changes
    /// at most two bits, so keys far apart are told apart cheaply.
    letters: u32,
    count: u32,
}

/// The words of one normalized text (those with a key) and their keys.
///
/// Keys are found by their hash (open addressing over the hash on a
/// collision), their texts kept end to end in one string: no allocation per
/// key.
#[derive(Clone, Debug)]
pub(super) struct WordIndex {
    words: Vec<Word>,
    keys: Vec<Key>,
    arena: String,
    lookup: HashMap<u64, u32, foldhash::fast::RandomState>,
    hasher: foldhash::fast::FixedState,
}

/// The set of a key's characters, each as a bit (modulo 32).
fn letters(key: &str) -> u32 {
    key.chars()
        .fold(0, |bits, c| bits | 1 << (u32::from(c) % 32))
}

/// The key of a word: its letters and digits, lower-cased (`Don't,` → `dont`).
fn key_of<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    if core
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return core;
    }
    buf.clear();
    if core.is_ascii() {
        let kept = core.bytes().filter(u8::is_ascii_alphanumeric);
        buf.extend(kept.map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        for c in core.chars().filter(|c| c.is_alphanumeric()) {
            buf.extend(c.to_lowercase());
        }
    }
    buf
}

/// The words of a text in the comparison form, with their byte ranges.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |start, w| {
            let at = *start;
            *start += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

impl WordIndex {
    pub(super) fn new(text: &str) -> Self {
        let mut index = WordIndex {
            words: Vec::with_capacity(text.len() / 6),
            keys: Vec::new(),
            arena: String::new(),
            // About one distinct word in 32 bytes of prose.
            lookup: HashMap::with_capacity_and_hasher(text.len() / 32, Default::default()),
            hasher: foldhash::fast::FixedState::default(),
        };
        let mut buf = String::new();
        for (start, word) in words(text) {
            let key = key_of(word, &mut buf);
            if key.is_empty() {
                continue;
            }
            let id = match index.find(key) {
                Ok(id) => {
                    index.keys[id as usize].count += 1;
                    id
                }
                Err(hash) => {
                    let id = index.keys.len() as u32;
                    index.lookup.insert(hash, id);
                    let at = index.arena.len();
                    index.arena.push_str(key);
                    index.keys.push(Key {
                        text: at..index.arena.len(),
                        chars: key.chars().count(),
                        letters: letters(key),
                        count: 1,
                    });
                    id
                }
            };
            index.words.push(Word {
                start,
                end: start + word.len(),
                key: id,
            });
        }
        index
    }

    /// The id of `key`, or the free slot of the hash table to insert it at.
    fn find(&self, key: &str) -> Result<u32, u64> {
        let mut hash = self.hasher.hash_one(key);
        loop {
            match self.lookup.get(&hash) {
                None => return Err(hash),
                Some(&id) if self.key_text(id) == key => return Ok(id),
                Some(_) => hash = hash.wrapping_add(1),
            }
        }
    }

    fn key_text(&self, id: u32) -> &str {
        &self.arena[self.keys[id as usize].text.clone()]
    }

    /// The inverse document frequency of a key seen `count` times, scaled.
    fn weight(&self, count: u32) -> u64 {
        let n = self.words.len().max(1) as f64;
        ((n / f64::from(count.max(1))).ln_1p() * SCALE).round() as u64
    }

    /// The passage of `text` (the text this index was built from) most like
    /// `part`, or `None` when nothing in the text resembles it.
    pub(super) fn closest(&self, text: &str, part: &str) -> Option<String> {
        let mut buf = String::new();
        let part_keys: Vec<String> = words(part)
            .map(|(_, w)| key_of(w, &mut buf).to_owned())
            .filter(|k| !k.is_empty())
            .collect();
        let m = part_keys.len().min(self.words.len());
        if m == 0 {
            return None;
        }
        // Per text key: its weight for this part and the first and last
        // position of the part word it matches.
        let mut matched = Matched {
            keys: vec![MatchedKey::default(); self.keys.len()],
        };
        let mut possible = 0;
        for (j, key) in part_keys.iter().enumerate() {
            let key = key.as_str();
            let first = !part_keys[..j].iter().any(|k| k == key);
            let mut note = |id: u32, weight: u64| {
                let entry = &mut matched.keys[id as usize];
                if entry.weight == 0 {
                    entry.first = j;
                }
                entry.weight = entry.weight.max(weight);
                entry.last = j;
            };
            if let Ok(id) = self.find(key) {
                let weight = self.weight(self.keys[id as usize].count);
                note(id, weight);
                if first {
                    possible += weight;
                }
                continue;
            }
            if first {
                possible += self.weight(1);
            }
            let chars = key.chars().count();
            let limit = match chars {
                0..4 => continue,
                4..8 => 1,
                _ => 2,
            };
            let bits = letters(key);
            for (id, k) in self.keys.iter().enumerate() {
                if k.chars.abs_diff(chars) <= limit
                    && (k.letters ^ bits).count_ones() as usize <= 2 * limit
                    && distance(key, &self.arena[k.text.clone()], limit) <= limit
                {
                    note(id as u32, self.weight(k.count) * FUZZY_SHARE / 1000);
                }
            }
        }
        // A quote may leave words out without marking it: a window twice as
        // long is taken when it holds clearly more of the part.
        let (mut start, mut score) = self.best_window(m, &matched)?;
        let mut len = m;
        let wide = (2 * m).min(self.words.len());
        if let Some((wide_start, wide_score)) = self.best_window(wide, &matched)
            && (wide_score - score) * WIDER_GAIN >= possible
        {
            (start, score, len) = (wide_start, wide_score, wide);
        }
        if score * THRESHOLD < possible {
            return None;
        }
        let (a, b) = self.tightest(start..start + len, &matched, score * TIGHT.0 / TIGHT.1);
        let first_j = matched.get(self.words[a].key)?.first;
        let last_j = matched.get(self.words[b].key)?.last;
        let from = a.saturating_sub(first_j);
        let to = (b + (part_keys.len() - 1 - last_j)).min(self.words.len() - 1);
        Some(text[self.words[from].start..self.words[to].end].to_owned())
    }

    /// The earliest window of `m` words with the greatest weight of distinct
    /// matched keys, as its first word and its weight; `None` if no window
    /// holds a matched key.
    fn best_window(&self, m: usize, matched: &Matched) -> Option<(usize, u64)> {
        let mut tally = Tally::new(matched);
        let mut best = (0, 0);
        for (i, w) in self.words.iter().enumerate() {
            tally.add(w);
            if i >= m {
                tally.remove(&self.words[i - m]);
            }
            if i + 1 >= m && tally.score > best.1 {
                best = (i + 1 - m, tally.score);
            }
        }
        (best.1 > 0).then_some(best)
    }

    /// The shortest run of words in `window` (the earliest among equals)
    /// whose distinct matched keys weigh at least `target`, as its first and
    /// last word: stray matches at the window's edges fall away.
    fn tightest(&self, window: Range<usize>, matched: &Matched, target: u64) -> (usize, usize) {
        let mut tally = Tally::new(matched);
        let mut best = (window.start, window.end - 1);
        let mut left = window.start;
        for right in window {
            tally.add(&self.words[right]);
            while tally.score >= target && left <= right {
                if right - left < best.1 - best.0 {
                    best = (left, right);
                }
                tally.remove(&self.words[left]);
                left += 1;
            }
        }
        best
    }
}

/// What a part's words match among the text's keys, by key id.
struct Matched {
    keys: Vec<MatchedKey>,
}

/// A text key as matched by a part's words.
#[derive(Clone, Copy, Debug, Default)]
struct MatchedKey {
    /// Its weight for the part; 0 when no word of the part matches it.
    weight: u64,
    /// The position of the first part word that matches it.
    first: usize,
    /// The position of the last part word that matches it.
    last: usize,
}

impl Matched {
    fn get(&self, key: u32) -> Option<&MatchedKey> {
        self.keys.get(key as usize).filter(|k| k.weight > 0)
    }

    fn weight(&self, key: u32) -> u64 {
        self.keys[key as usize].weight
    }
}

/// The weight of the distinct matched keys among a run of words.
struct Tally<'a> {
    matched: &'a Matched,
    /// How many words of the run have each key.
    inside: Vec<u32>,
    score: u64,
}

impl<'a> Tally<'a> {
    fn new(matched: &'a Matched) -> Self {
        Tally {
            matched,
            inside: vec![0; matched.keys.len()],
            score: 0,
        }
    }

    fn add(&mut self, word: &Word) {
        let weight = self.matched.weight(word.key);
        if weight > 0 {
            let count = &mut self.inside[word.key as usize];
            if *count == 0 {
                self.score += weight;
            }
            *count += 1;
        }
    }

    fn remove(&mut self, word: &Word) {
        let weight = self.matched.weight(word.key);
        if weight > 0 {
            let count = &mut self.inside[word.key as usize];
            *count -= 1;
            if *count == 0 {
                self.score -= weight;
            }
        }
    }
}
