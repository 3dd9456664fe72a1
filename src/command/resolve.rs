//! A command's names (as a player or a command file gives them) resolved to the scenario's
//! ids, through the name index validation built ([`crate::scenario::names`]).

use super::CommandError;
use crate::scenario::format::RawWhom;
use crate::scenario::{
    IssueId, MaterialId, PostId, RequestIx, RequestKind, Role, Scenario, TelegramId, Whom,
};

const HERE: &str = "in this scenario";

pub(super) fn telegram(s: &Scenario, name: &str) -> Result<TelegramId, CommandError> {
    Ok(TelegramId(s.names.telegrams.find("telegram", HERE, name)?))
}

pub(super) fn request(s: &Scenario, t: TelegramId, name: &str) -> Result<RequestIx, CommandError> {
    let scope = format!("in {}", s.telegram(t).id);
    Ok(s.names.requests[t.index()].find("request", &scope, name)? as RequestIx)
}

pub(super) fn post(s: &Scenario, name: &str) -> Result<PostId, CommandError> {
    Ok(PostId(s.names.missions.find("post", HERE, name)?))
}

pub fn issue(s: &Scenario, name: &str) -> Result<IssueId, CommandError> {
    Ok(IssueId(s.names.issues.find("issue", HERE, name)?))
}

pub fn government(s: &Scenario, name: &str) -> Result<crate::scenario::GovId, CommandError> {
    Ok(crate::scenario::GovId(s.names.governments.find(
        "government",
        HERE,
        name,
    )?))
}

/// An approach's government, and its issue (by default the scenario's first).
pub(super) fn approach(
    s: &Scenario,
    government: &str,
    issue_name: Option<&str>,
) -> Result<(crate::scenario::GovId, IssueId), CommandError> {
    let g = self::government(s, government)?;
    let i = issue_name
        .map(|i| issue(s, i))
        .transpose()?
        .unwrap_or(IssueId(0));
    Ok((g, i))
}

pub(super) fn vote(s: &Scenario, name: &str) -> Result<crate::scenario::VoteId, CommandError> {
    Ok(crate::scenario::VoteId(
        s.names.votes.find("vote", HERE, name)?,
    ))
}

pub(super) fn material(s: &Scenario, name: &str) -> Result<MaterialId, CommandError> {
    Ok(MaterialId(s.names.materials.find("material", HERE, name)?))
}

/// A reply's post, telegram, request and position.
pub fn reply(
    s: &Scenario,
    role: Role,
    telegram_name: &str,
    request_name: &str,
    position: &str,
) -> Result<(PostId, TelegramId, RequestIx, usize), CommandError> {
    let Role::Post(post) = role else {
        return Err(CommandError::DepartmentSendsNoEstimates);
    };
    let t = telegram(s, telegram_name)?;
    let r = request(s, t, request_name)?;
    let RequestKind::Estimate { issue, .. } = &s.telegram(t).requests[r].kind else {
        return Err(CommandError::AsksForAction(request_name.to_string()));
    };
    let p = s.names.positions[issue.index()].find("position", "", position)?;
    Ok((post, t, r, p as usize))
}

/// A démarche's post, leader, materials and issue.
pub(super) type Demarche = (PostId, Whom, Vec<MaterialId>, Option<IssueId>);

pub(super) fn demarche(
    s: &Scenario,
    role: Role,
    see: &RawWhom,
    show: &[String],
    issue_name: Option<&str>,
    post_name: Option<&str>,
) -> Result<Demarche, CommandError> {
    let post = match (role, post_name) {
        (Role::Post(p), None) => p,
        (Role::Post(p), Some(name)) if s.mission(p).id == name => p,
        (Role::Post(_), Some(_)) => return Err(CommandError::OwnHostOnly),
        (Role::Department, Some(name)) => post(s, name)?,
        (Role::Department, None) => return Err(CommandError::NameThePost),
    };
    let host = s.mission(post).host;
    let whom = match see {
        RawWhom::HeadOfState => Whom::HeadOfState,
        RawWhom::ForeignMinister => Whom::ForeignMinister,
        RawWhom::Military => Whom::Military,
        RawWhom::Leader(id) => {
            let scope = format!("in {}", s.government(host).country);
            let ix = s.names.leaders[host.index()].find("leader", &scope, id)?;
            Whom::Leader(host, ix as usize)
        }
    };
    let show = show
        .iter()
        .map(|m| material(s, m))
        .collect::<Result<Vec<_>, _>>()?;
    let issue = issue_name.map(|i| issue(s, i)).transpose()?;
    Ok((post, whom, show, issue))
}

/// A decision's telegram, request and option.
pub(super) fn decision(
    s: &Scenario,
    telegram_name: &str,
    request_name: &str,
    option: &str,
) -> Result<(TelegramId, RequestIx, usize), CommandError> {
    let t = telegram(s, telegram_name)?;
    let r = request(s, t, request_name)?;
    let RequestKind::Decision { .. } = &s.telegram(t).requests[r].kind else {
        return Err(CommandError::NotADecision);
    };
    let o = s.names.options[t.index()][r].find("option", "", option)?;
    Ok((t, r, o as usize))
}
