namespace UjDatabase.Core.Vocabularies;

/// <summary>Every controlled vocabulary of the interchange format: the one place that knows codes, labels and definitions.</summary>
public static class Catalogue
{
    public static Vocabulary AccusedType { get; } = new("accused.type",
    [
        new("person", "Person", "A named individual."),
        new("organisation", "Organisation", "A company or other legal person prosecuted as such."),
        new("unidentified", "Unidentified", "A structural investigation with no named suspect."),
    ]);

    public static Vocabulary Gender { get; } = new("accused.gender",
    [
        new("female", "Female", "The accused is a woman."),
        new("male", "Male", "The accused is a man."),
        new("other", "Other", "Another gender identity, as stated by sources."),
        new("unknown", "Unknown", "Sources do not say."),
    ]);

    public static Vocabulary Affiliation { get; } = new("accused.affiliation",
    [
        new("state_armed_forces", "State armed forces", "Army, navy, air force or other regular military of a state."),
        new("state_security_intelligence_police", "State security, intelligence or police", "Intelligence services, police, prisons and other state security bodies."),
        new("state_civilian_official", "State civilian official", "Civil servants, ministers, local administrators and other non-military officials."),
        new("head_of_state_government", "Head of state or government", "A president, monarch, prime minister or de facto ruler."),
        new("non_state_armed_group", "Non-state armed group", "Rebel forces, armed opposition groups and designated terrorist groups."),
        new("militia_paramilitary", "Militia or paramilitary", "Irregular forces acting with or alongside a state, such as militias and death squads."),
        new("economic_actor", "Economic actor", "A company, its executives or a businessperson acting in that capacity."),
        new("other", "Other", "Another affiliation, such as a cleric, doctor or journalist acting in a private capacity."),
        new("unknown", "Unknown", "Sources do not say."),
    ]);

    public static Vocabulary Crime { get; } = new("charges[].crime",
    [
        new("genocide", "Genocide", "Acts committed with intent to destroy, in whole or in part, a national, ethnic, racial or religious group."),
        new("crimes_against_humanity", "Crimes against humanity", "Acts committed as part of a widespread or systematic attack against a civilian population."),
        new("war_crimes", "War crimes", "Serious violations of the laws and customs of armed conflict."),
        new("torture", "Torture", "Torture as a crime in its own right, as under the Convention against Torture."),
        new("enforced_disappearance", "Enforced disappearance", "Deprivation of liberty by state agents followed by refusal to acknowledge it."),
        new("aggression", "Aggression", "Planning or waging a war of aggression."),
        new("other", "Other offence", "Another offence charged alongside or instead, such as murder under ordinary law, terrorism or immigration fraud."),
    ]);

    public static Vocabulary ChargeStage { get; } = new("charges[].stage",
    [
        new("alleged", "Alleged", "Named in a complaint or investigation, not yet charged."),
        new("charged", "Charged", "Formally charged or indicted."),
        new("convicted", "Convicted", "Convicted of this crime."),
        new("acquitted", "Acquitted", "Acquitted of this crime."),
        new("dropped", "Dropped", "Dropped, dismissed or requalified before judgment."),
    ]);

    public static Vocabulary JurisdictionBasis { get; } = new("jurisdiction_basis[]",
    [
        new("universal", "Universal jurisdiction", "The forum prosecutes regardless of where the crime happened and of the nationalities involved."),
        new("active_personality", "Active personality", "The accused is a national of the forum state."),
        new("passive_personality", "Passive personality", "Victims are nationals of the forum state."),
        new("territorial", "Territorial", "Part of the conduct took place on the forum state's territory."),
        new("protective", "Protective", "The crime threatened the forum state's essential interests."),
        new("other", "Other", "Another basis, such as a treaty obligation to extradite or prosecute."),
    ]);

    public static Vocabulary Stage { get; } = new("stage",
    [
        new("complaint", "Complaint", "A complaint has been filed; no investigation is known to be open."),
        new("investigation", "Investigation", "Prosecutors or investigating judges are investigating."),
        new("arrest_warrant", "Arrest warrant", "An arrest warrant has been issued."),
        new("arrest", "Arrest", "The accused has been arrested."),
        new("indictment", "Indictment", "The accused has been indicted or sent to trial."),
        new("trial", "Trial", "The trial is under way."),
        new("judgment", "Judgment", "A first-instance judgment has been given; an appeal is possible or pending."),
        new("appeal", "Appeal", "Appeal proceedings are under way."),
        new("final", "Final", "The judgment can no longer be appealed."),
        new("dismissed", "Dismissed", "The case was dismissed or discontinued by a court or prosecutor."),
        new("extradited", "Extradited", "The accused was extradited or transferred to another jurisdiction."),
        new("deceased", "Deceased", "The proceedings ended with the death of the accused."),
        new("closed", "Closed", "The proceedings ended otherwise."),
    ]);

    public static Vocabulary Verdict { get; } = new("verdict",
    [
        new("none", "No verdict", "No verdict has been given."),
        new("convicted", "Convicted", "Convicted of the crimes charged."),
        new("acquitted", "Acquitted", "Acquitted of all crimes charged."),
        new("partially_convicted", "Partially convicted", "Convicted of some crimes charged and acquitted of others."),
    ]);

    public static Vocabulary Presence { get; } = new("presence",
    [
        new("detained", "Detained", "In custody in the forum state."),
        new("at_large", "At large", "Not in the custody of any authority involved."),
        new("in_absentia", "Tried in absentia", "Tried without being present."),
        new("released", "Released", "Released, on conditions or after serving a sentence."),
        new("deceased", "Deceased", "The accused has died."),
        new("unknown", "Unknown", "Sources do not say."),
    ]);

    public static Vocabulary EventType { get; } = new("events[].type",
    [
        new("complaint_filed", "Complaint filed", "A criminal complaint was filed."),
        new("investigation_opened", "Investigation opened", "An investigation was opened."),
        new("made_public", "Made public", "The case became publicly known."),
        new("arrest_warrant", "Arrest warrant", "An arrest warrant was issued."),
        new("arrest", "Arrest", "The accused was arrested."),
        new("extradition_request", "Extradition request", "Extradition was requested."),
        new("extradited", "Extradited", "The accused was extradited or transferred."),
        new("indictment", "Indictment", "The accused was indicted or sent to trial."),
        new("trial_opened", "Trial opened", "The trial began."),
        new("verdict_first_instance", "First-instance verdict", "The trial court gave its verdict."),
        new("appeal_lodged", "Appeal lodged", "An appeal was lodged."),
        new("verdict_appeal", "Appeal verdict", "The appeal court gave its verdict."),
        new("verdict_cassation", "Cassation verdict", "The highest court ruled on a point of law."),
        new("final", "Judgment final", "The judgment became final."),
        new("dismissed", "Dismissed", "The case was dismissed or discontinued."),
        new("closed", "Closed", "The proceedings were closed."),
        new("death", "Death", "The accused died."),
        new("release", "Release", "The accused was released."),
        new("other", "Other", "Another procedural step, described in the event."),
    ]);

    /// <summary>Event types that record a verdict; only these carry an outcome.</summary>
    public static IReadOnlySet<string> VerdictEventTypes { get; } =
        new HashSet<string>(["verdict_first_instance", "verdict_appeal", "verdict_cassation"], StringComparer.Ordinal);

    /// <summary>The outcome of a verdict event uses the verdict codes.</summary>
    public static Vocabulary EventOutcome => Verdict;

    public static Vocabulary SentenceType { get; } = new("sentence.type",
    [
        new("life", "Life imprisonment", "Imprisonment for life."),
        new("years", "Prison term", "Imprisonment for a number of years."),
        new("internment", "Internment", "Psychiatric or preventive internment instead of prison."),
        new("fine", "Fine", "A fine only."),
        new("none", "No sentence", "No sentence was imposed."),
    ]);

    public static Vocabulary Publication { get; } = new("publication",
    [
        new("draft", "Draft", "Seen only by editors."),
        new("published", "Published", "Public."),
    ]);

    public static Vocabulary Topic { get; } = new("topics[]",
    [
        new("sexual_gender_based_violence", "Sexual and gender-based violence", "Rape, sexual slavery, forced marriage, sexual torture and other violence aimed at people because of their sex or gender."),
        new("children", "Children", "Children were among the victims, or were recruited or used in hostilities."),
        new("enslavement", "Enslavement", "Enslavement, forced labour or trafficking of people."),
        new("persecution", "Persecution of a group", "Crimes aimed at an ethnic, religious, political or other group as such."),
        new("attacks_on_civilians", "Attacks on civilians", "Attacks directed at civilians or civilian objects, or indiscriminate attacks."),
        new("prohibited_weapons", "Chemical or prohibited weapons", "Chemical, biological or other weapons that international law prohibits."),
        new("pillage_economic", "Pillage and economic crimes", "Pillage, plunder of resources, and supplying goods, money or technology that made crimes possible."),
        new("cultural_heritage", "Cultural heritage", "Destruction or looting of cultural or religious property."),
        new("starvation", "Starvation", "Starving civilians as a method of warfare, including sieges that cut off food."),
        new("environmental_harm", "Environmental harm", "Widespread, long-term and severe damage to the natural environment."),
        new("other", "Other", "Another topic, described in the summary."),
    ]);

    public static Vocabulary LegalIssue { get; } = new("legal_issues[].issue",
    [
        new("immunity", "Immunity", "Whether the accused's office bars prosecution (functional or personal immunity)."),
        new("amnesty", "Amnesty", "Whether an amnesty granted in another state bars prosecution."),
        new("statute_of_limitations", "Statute of limitations", "Whether the crimes are time-barred."),
        new("presence_requirement", "Presence requirement", "Whether the accused must be, or have been, in the forum state."),
        new("subsidiarity", "Subsidiarity or complementarity", "Whether the territorial state or an international court should act first."),
        new("ne_bis_in_idem", "Ne bis in idem", "Whether the accused was already tried for the same facts."),
        new("fair_trial", "Fair trial or trial in absentia", "Questions of fair trial, translation or trial without the accused."),
        new("evidence_abroad", "Evidence gathered abroad", "Gathering evidence, hearing witnesses or visiting crime scenes in another state."),
        new("other", "Other", "Another legal issue, described in the note."),
    ]);

    public static Vocabulary CivilSocietyRole { get; } = new("civil_society[].roles[]",
    [
        new("complainant", "Complainant", "Filed or joined the criminal complaint that started or widened the case."),
        new("civil_party", "Civil party", "Represented victims as civil parties or joint plaintiffs, or took part as one."),
        new("witness_support", "Support to witnesses", "Found, supported or accompanied victims and witnesses."),
        new("documentation", "Documentation", "Collected or analysed evidence used in the case."),
        new("trial_monitoring", "Trial monitoring", "Observed the proceedings and reported on them."),
        new("other", "Other", "Another role, such as advocacy for the case."),
    ]);

    public static Vocabulary ReparationForm { get; } = new("reparation.forms[]",
    [
        new("compensation", "Compensation", "Money paid to victims for the harm they suffered."),
        new("restitution", "Restitution", "Return of property or restoration of rights."),
        new("symbolic", "Symbolic", "An apology, a memorial, publication of the judgment or a symbolic sum."),
        new("other", "Other", "Another form, described in the note."),
    ]);

    public static IReadOnlyList<Vocabulary> All { get; } =
    [
        AccusedType, Gender, Affiliation, Crime, ChargeStage, JurisdictionBasis, Stage, Verdict, Presence, EventType,
        SentenceType, Publication, Topic, LegalIssue, CivilSocietyRole, ReparationForm,
    ];
}
