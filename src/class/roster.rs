//! Who is in the class: each seat a student (or one of a team) at a post, known by the token
//! the server gave them, so that a page that reloads rejoins its own post.

use crate::scenario::Role;
use rand::Rng;
use rand::SeedableRng;

/// One student at a post.
#[derive(Clone, Debug, PartialEq)]
pub struct Seat {
    pub token: String,
    pub name: String,
    pub role: Role,
    /// Pages open on this seat now.
    pub connected: usize,
    /// What the student last did, and when.
    pub last: Option<String>,
}

/// The class's seats, in the order students joined, and the roles people play.
#[derive(Debug, Default)]
pub struct Roster {
    seats: Vec<Seat>,
    posts: Vec<Role>,
}

/// The longest name a student may give.
pub const MAX_NAME: usize = 40;

impl Roster {
    pub fn new(posts: Vec<Role>) -> Roster {
        Roster {
            seats: Vec::new(),
            posts,
        }
    }

    pub fn seats(&self) -> impl Iterator<Item = &Seat> {
        self.seats.iter()
    }

    /// The roles students may take.
    pub fn posts(&self) -> impl Iterator<Item = Role> + '_ {
        self.posts.iter().copied()
    }

    pub fn seat(&self, token: &str) -> Option<&Seat> {
        self.seats.iter().find(|s| s.token == token)
    }

    pub fn seat_mut(&mut self, token: &str) -> Option<&mut Seat> {
        self.seats.iter_mut().find(|s| s.token == token)
    }

    pub fn add(&mut self, seat: Seat) {
        self.seats.push(seat);
    }

    /// What the student of that name at that post last did.
    pub fn note(&mut self, role: Role, name: &str, last: String) {
        for seat in self
            .seats
            .iter_mut()
            .filter(|s| s.role == role && s.name == name)
        {
            seat.last = Some(last.clone());
        }
    }

    /// The names of the students at a post, in the order they joined.
    pub fn names_at(&self, role: Role) -> Vec<String> {
        self.seats
            .iter()
            .filter(|s| s.role == role)
            .map(|s| s.name.clone())
            .collect()
    }
}

/// A student's name as the class shows it: trimmed, one line, at most [`MAX_NAME`]
/// characters; `None` when nothing is left.
pub fn clean_name(name: &str) -> Option<String> {
    let one_line: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let trimmed: String = one_line.trim().chars().take(MAX_NAME).collect();
    (!trimmed.trim().is_empty()).then(|| trimmed.trim().to_string())
}

/// Letters and digits no one misreads on a projector (no 0/O, 1/I/L).
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A fresh secret of `len` characters from the operating system's randomness (never the
/// game's generator, which would change the game).
pub fn secret(len: usize) -> String {
    let mut rng = rand_chacha::ChaCha20Rng::from_os_rng();
    (0..len)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

/// A class code students type: `K7Q-4ZP`.
pub fn class_code() -> String {
    let s = secret(6);
    format!("{}-{}", &s[..3], &s[3..])
}

/// Whether a code typed matches, forgiving case, spaces and dashes.
pub fn same_code(typed: &str, code: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let (a, b) = (norm(typed), norm(code));
    // Compared in full whatever the first difference, so the time taken tells nothing.
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_forgive_case_spaces_and_dashes_but_nothing_else() {
        assert!(same_code("k7q 4zp", "K7Q-4ZP"));
        assert!(same_code(" K7Q4ZP ", "K7Q-4ZP"));
        assert!(!same_code("K7Q-4ZQ", "K7Q-4ZP"));
        assert!(!same_code("K7Q-4Z", "K7Q-4ZP"));
        assert!(!same_code("", "K7Q-4ZP"));
    }

    #[test]
    fn class_codes_and_secrets_are_fresh_and_readable() {
        let (a, b) = (class_code(), class_code());
        assert_ne!(a, b);
        assert_eq!(a.len(), 7);
        assert_eq!(&a[3..4], "-");
        let token = secret(24);
        assert!(token.bytes().all(|c| ALPHABET.contains(&c)), "{token}");
    }

    #[test]
    fn names_are_one_trimmed_line_of_at_most_forty_characters() {
        assert_eq!(clean_name("  Ana\n"), Some("Ana".into()));
        assert_eq!(clean_name("A\u{0}n\ta"), Some("A n a".into()));
        assert_eq!(clean_name(" \n\t "), None);
        assert_eq!(
            clean_name(&"é".repeat(100)).unwrap().chars().count(),
            MAX_NAME
        );
    }
}
