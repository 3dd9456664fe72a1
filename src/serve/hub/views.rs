//! What the hub tells many pages at once: each post's view, built once however many
//! students share the post, and the console's; each sent only to pages whose view changed.

use std::collections::HashMap;

use super::{Hub, Out, Who};
use crate::class::Tell;
use crate::scenario::Role;

impl Hub {
    /// The connections of the instructor's consoles.
    fn consoles(&self) -> Vec<u64> {
        self.conns
            .iter()
            .filter(|(_, c)| matches!(c.who, Who::Instructor))
            .map(|(k, _)| *k)
            .collect()
    }

    pub(super) fn tell_instructors(&mut self, tell: &Tell) {
        for conn in self.consoles() {
            self.tell(conn, tell);
        }
    }

    /// Every page is told what its post knows now, if that changed; each post's view is
    /// built once, however many students share it.
    pub(super) fn broadcast(&mut self) {
        let mut views: HashMap<Role, String> = HashMap::new();
        let conns: Vec<(u64, Role)> = self
            .conns
            .iter()
            .filter_map(|(k, c)| match c.who {
                Who::Student { role, .. } => Some((*k, role)),
                _ => None,
            })
            .collect();
        for (conn, role) in conns {
            let json = views
                .entry(role)
                .or_insert_with(|| Tell::View(Box::new(self.class.view(role))).json())
                .clone();
            self.send_changed(conn, json);
        }
        self.broadcast_console();
    }

    fn broadcast_console(&mut self) {
        let conns = self.consoles();
        if conns.is_empty() {
            return;
        }
        let json = Tell::Console(Box::new(self.class.console())).json();
        for conn in conns {
            self.send_changed(conn, json.clone());
        }
    }

    fn send_changed(&mut self, conn: u64, json: String) {
        let Some(c) = self.conns.get_mut(&conn) else {
            return;
        };
        if c.last.as_deref() == Some(json.as_str()) {
            return;
        }
        c.last = Some(json.clone());
        self.push(conn, Out::Text(json));
    }
}
