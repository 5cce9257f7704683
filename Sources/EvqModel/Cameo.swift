/// CAMEO codes (Conflict and Mediation Event Observations, the codebook behind GDELT), so evq
/// results can be joined with GDELT data. One code per event type, the most specific one that
/// covers every event of that type; types CAMEO has no verb for (award) have none.
///
/// | type | code | CAMEO label |
/// |---|---|---|
/// | release, pardon, amnesty, exchange | 0841 | Return, release person(s) |
/// | deportation | 174 | Expel or deport individuals |
/// | sanctions_eased | 085 | Ease economic sanctions, boycott, embargo |
/// | sanctions_imposed | 163 | Impose embargo, boycott, or sanctions |
/// | meeting | 040 | Consult, not specified below |
/// | arrest | 173 | Arrest, detain, or charge with legal action |
/// | sentencing | 116 | Find guilty or liable (legally) |
/// | statement | 010 | Make statement, not specified below |
public enum Cameo {
    public static let codes: [EventType: (code: String, label: String)] = [
        .release: ("0841", "Return, release person(s)"),
        .pardon: ("0841", "Return, release person(s)"),
        .amnesty: ("0841", "Return, release person(s)"),
        .exchange: ("0841", "Return, release person(s)"),
        .deportation: ("174", "Expel or deport individuals"),
        .sanctionsEased: ("085", "Ease economic sanctions, boycott, embargo"),
        .sanctionsImposed: ("163", "Impose embargo, boycott, or sanctions"),
        .meeting: ("040", "Consult, not specified below"),
        .arrest: ("173", "Arrest, detain, or charge with legal action"),
        .sentencing: ("116", "Find guilty or liable (legally)"),
        .statement: ("010", "Make statement, not specified below"),
    ]
}

extension EventType {
    /// The CAMEO event code, if the type has one (`"0841"` for releases).
    public var cameo: String? { Cameo.codes[self]?.code }
}

extension Event {
    /// The CAMEO event code of the event's type; an imported event may carry its own in
    /// `attributes["cameo"]`, which wins.
    public var cameo: String? { attributes["cameo"] ?? type.cameo }
}
