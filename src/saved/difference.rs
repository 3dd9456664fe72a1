//! Where two RON texts part: the path to the first difference, and both values, as a message
//! names them (".stances[3].values[1]: the save has NaN, the replay 0.25"). The texts are
//! compared as trees (crate::scenario::spans keeps struct and variant names, which
//! `ron::Value` drops), so layout and comments do not count, and numbers compare as numbers.

use crate::scenario::spans::{Field, MapEntry, Node, NodeKind, SpanTree};

/// The first place `saved` and `replayed` differ, or `None` if they hold the same values.
pub fn between(saved: &str, replayed: &str) -> Result<Option<String>, String> {
    let tree = |t: &str| SpanTree::parse(t, 128).map_err(|e| e.message);
    let (a, b) = (tree(saved)?, tree(replayed)?);
    let mut at = String::new();
    Ok(
        walk(saved, &a.root, replayed, &b.root, &mut at).map(|(theirs, ours)| {
            format!(
                "{at}: the save has {}, the replay {}",
                short(&theirs),
                short(&ours)
            )
        }),
    )
}

type Parted = Option<(String, String)>;

fn walk(ta: &str, a: &Node, tb: &str, b: &Node, at: &mut String) -> Parted {
    let items = |xs: &[Node], ys: &[Node], at: &mut String| -> Parted {
        for (i, (x, y)) in xs.iter().zip(ys).enumerate() {
            let len = at.len();
            at.push_str(&format!("[{i}]"));
            if let Some(d) = walk(ta, x, tb, y, at) {
                return Some(d);
            }
            at.truncate(len);
        }
        (xs.len() != ys.len())
            .then(|| (format!("{} items", xs.len()), format!("{} items", ys.len())))
    };
    let named = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => x == y,
        // A name left out is no difference: RON reads the value the same without it.
        _ => true,
    };
    match (&a.kind, &b.kind) {
        (NodeKind::Seq(xs), NodeKind::Seq(ys)) => items(xs, ys, at),
        (NodeKind::Tuple { name: n, items: xs }, NodeKind::Tuple { name: m, items: ys })
            if named(n, m) =>
        {
            items(xs, ys, at)
        }
        (
            NodeKind::Struct {
                name: n,
                fields: xs,
            },
            NodeKind::Struct {
                name: m,
                fields: ys,
            },
        ) if named(n, m) => by_name(ta, &fields(xs), tb, &fields(ys), "fields", at),
        (NodeKind::Map(xs), NodeKind::Map(ys)) => {
            by_name(ta, &entries(xs), tb, &entries(ys), "entries", at)
        }
        (NodeKind::Scalar, NodeKind::Scalar) if same(&whole(ta, a), &whole(tb, b)) => None,
        _ => Some((whole(ta, a), whole(tb, b))),
    }
}

fn fields(fs: &[Field]) -> Vec<(String, &Node)> {
    fs.iter()
        .map(|f| (format!(".{}", f.name), &f.value))
        .collect()
}

fn entries(es: &[MapEntry]) -> Vec<(String, &Node)> {
    es.iter()
        .map(|e| (format!("[{}]", e.key_text), &e.value))
        .collect()
}

/// Children found by name, a struct's fields or a map's entries (each labelled as its path
/// step): each of the save's is looked for among the replay's.
fn by_name(
    ta: &str,
    xs: &[(String, &Node)],
    tb: &str,
    ys: &[(String, &Node)],
    what: &str,
    at: &mut String,
) -> Parted {
    for (label, x) in xs {
        let len = at.len();
        at.push_str(label);
        match ys.iter().find(|(l, _)| l == label) {
            Some((_, y)) => {
                if let Some(d) = walk(ta, x, tb, y, at) {
                    return Some(d);
                }
            }
            None => return Some((whole(ta, x), "nothing".into())),
        }
        at.truncate(len);
    }
    (xs.len() != ys.len()).then(|| {
        (
            format!("{} {what}", xs.len()),
            format!("{} {what}", ys.len()),
        )
    })
}

fn whole(t: &str, n: &Node) -> String {
    t.get(n.start..n.end).unwrap_or_default().to_string()
}

/// Two scalars hold the same value: the same text, or the same number (NaN equals nothing:
/// the game never writes one).
fn same(a: &str, b: &str) -> bool {
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn number(s: &str) -> Option<f64> {
    s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '.'))
        .then(|| s.replace('_', "").parse().ok())
        .flatten()
}

/// A value short enough for one line of a message.
fn short(s: &str) -> String {
    const MOST: usize = 60;
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MOST {
        flat
    } else {
        format!("{}…", flat.chars().take(MOST).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::between;

    #[test]
    fn the_first_difference_is_named_by_its_path() {
        let saved = "Stances(values: [0.5, NaN], cast: Yes)";
        let same = "Stances(values: [0.50, 0.25], cast: No)";
        let d = between(saved, same).unwrap().unwrap();
        assert_eq!(d, ".values[1]: the save has NaN, the replay 0.25");
        assert_eq!(between("(a: [1, 2])", "( a : [ 1 , 2 ] )").unwrap(), None);
        let d = between("(cast: Yes)", "(cast: No)").unwrap().unwrap();
        assert_eq!(d, ".cast: the save has Yes, the replay No");
        let d = between("[1, 2, 3]", "[1, 2]").unwrap().unwrap();
        assert_eq!(d, ": the save has 3 items, the replay 2 items");
    }
}
