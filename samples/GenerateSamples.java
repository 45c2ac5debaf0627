// Generates the bundled sample feed: java samples/GenerateSamples.java > samples/articles.jsonl
// Single-file Java 17 program, no dependencies. Output is deterministic (fixed seed).
// All article text is synthetic, written from templates for this project.

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.*;

public class GenerateSamples {

    static final long SEED = 20241018L;
    static final Random R = new Random(SEED);

    static final LocalDate START = LocalDate.of(2024, 10, 14);
    static final int DAYS = 6;
    /** Background cap: max articles mentioning one country within one clock hour. */
    static final int HOURLY_CAP = 5;
    static final LocalDateTime SURGE_START = LocalDateTime.of(2024, 10, 18, 14, 0);
    static final int SURGE_HOURS = 2;
    static final int SURGE_PER_HOUR = 25;
    static final int IRRELEVANT = 60;
    static final int DUPLICATES = 3;
    static final int SWAPS_TARGET = 20;          // ~5% of lines mildly out of order
    static final int BAD_LINE_1 = 101;           // 1-based line numbers in the final file
    static final int BAD_LINE_2 = 251;
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

    // ------------------------------------------------------------------ outlets

    record Outlet(String key, String name, String ref, boolean state) {}

    static final Map<String, Outlet> OUTLETS = new LinkedHashMap<>();
    static void outlet(String key, String name, String ref, boolean state) { OUTLETS.put(key, new Outlet(key, name, ref, state)); }
    static {
        outlet("reuters", "Reuters", "Reuters", false);
        outlet("ap", "Associated Press", "The Associated Press", false);
        outlet("bbc", "BBC News", "the BBC", false);
        outlet("guardian", "The Guardian", "the Guardian", false);
        outlet("dw", "DW", "DW", false);
        outlet("f24", "France 24", "France 24", false);
        outlet("rferl", "RFE/RL", "RFE/RL", false);
        outlet("politico", "Politico Europe", "Politico", false);
        outlet("kyiv", "The Kyiv Independent", "the Kyiv Independent", false);
        outlet("rt", "RT", "RT", true);
        outlet("sputnik", "Sputnik", "Sputnik", true);
        outlet("tass", "TASS", "TASS", true);
        outlet("cgtn", "CGTN", "CGTN", true);
        outlet("gt", "Global Times", "the Global Times", true);
        outlet("presstv", "Press TV", "Press TV", true);
        outlet("xinhua", "Xinhua", "Xinhua", true);
    }

    // ------------------------------------------------------------------ countries

    static final class Country {
        String key, name, adj, cap, body, vote, voteShort, ctx, gov, issues, section, stations;
        int utcOffset, quota;
        boolean imminent;
        String[] aliases;       // lower-case strings counted as a mention (superset of the plain name)
        String[] actors;        // "full name|short name|sponsor"
        String[] nets;          // "description|short name|sponsor"
        String[] facts, claims, wire, state;
    }

    static final List<Country> COUNTRIES = new ArrayList<>();

    static Country country(String key, String name, String adj, String cap, int offset, int quota) {
        Country c = new Country();
        c.key = key; c.name = name; c.adj = adj; c.cap = cap; c.utcOffset = offset; c.quota = quota;
        COUNTRIES.add(c);
        return c;
    }

    static {
        Country c;

        c = country("MD", "Moldova", "Moldovan", "Chisinau", 3, 35);
        c.imminent = true; c.section = "europe"; c.stations = "2,000";
        c.body = "the Central Electoral Commission";
        c.vote = "the October 20 presidential election and referendum on EU membership";
        c.voteShort = "presidential vote and EU referendum";
        c.gov = "Moldova's pro-European government";
        c.issues = "the cost of living, corruption and the country's path to the European Union";
        c.aliases = new String[]{"moldova", "chisinau"};
        c.actors = new String[]{"the Kremlin|Kremlin|R", "Russia's FSB security service|FSB|R", "Sputnik Moldova|Sputnik Moldova|R",
                "Russian military intelligence (GRU)|GRU|R", "former Wagner-linked operatives|Wagner|R"};
        c.nets = new String[]{"a Kremlin-backed network of Telegram channels|Kremlin-linked|R",
                "accounts relaying Sputnik Moldova content|Sputnik-linked|R",
                "Doppelganger, a Russian operation known for cloning the websites of established media outlets|Doppelganger|R"};
        c.facts = new String[]{
                "Moldova, a former Soviet republic of about 2.5 million people, was granted EU candidate status in 2022.",
                "Voters will also be asked whether to enshrine the goal of EU membership in the constitution.",
                "The incumbent president is seeking a second term against a crowded field of candidates, several of whom favour closer ties with Moscow.",
                "Moldovan officials have long accused Moscow of trying to destabilise the country, a charge the Kremlin denies.",
                "Russian troops remain stationed in the breakaway region of Transnistria in Moldova's east.",
                "Police said earlier this month that a network linked to a fugitive pro-Russian businessman had paid voters to oppose the referendum.",
                "For the referendum to be valid, at least a third of registered voters must cast a ballot."};
        c.claims = new String[]{
                "Opposition parties in Moldova say the authorities have used the referendum to tilt the playing field ahead of the vote.",
                "Only two polling stations have been opened in Russia for hundreds of thousands of Moldovan citizens, compared with dozens across the European Union, opposition figures complained.",
                "Several opposition politicians claimed the outcome of the referendum had been \"decided in Brussels\" and warned of ballot stuffing at diaspora polling stations.",
                "The Kremlin has dismissed allegations of Russian interference in Moldova as \"Russophobic\" and unfounded.",
                "Critics say the closure of opposition-leaning TV channels has left many Moldovan voters without access to alternative views."};
        c.wire = new String[]{"reuters", "ap", "bbc", "guardian", "dw", "f24", "rferl", "rferl", "politico", "kyiv"};
        c.state = new String[]{"rt", "sputnik", "sputnik", "tass"};

        c = country("GE", "Georgia", "Georgian", "Tbilisi", 4, 32);
        c.imminent = true; c.section = "europe"; c.stations = "3,100";
        c.body = "the Central Election Commission";
        c.vote = "the October 26 parliamentary election";
        c.voteShort = "parliamentary election";
        c.gov = "the ruling Georgian Dream party";
        c.issues = "relations with the European Union, the economy and the controversial foreign agents law";
        c.aliases = new String[]{"georgia", "tbilisi"};
        c.actors = new String[]{"the Kremlin|Kremlin|R", "RT|RT|R", "Sputnik|Sputnik|R", "Russia's SVR foreign intelligence service|SVR|R"};
        c.nets = new String[]{"Doppelganger, a Russian operation known for cloning the websites of established media outlets|Doppelganger|R",
                "a network of pro-Kremlin Facebook pages|pro-Kremlin|R"};
        c.facts = new String[]{
                "The ruling Georgian Dream party is seeking a fourth term in office in a vote widely seen as a test of the country's path towards the European Union.",
                "Brussels froze Georgia's EU accession process this year after parliament passed a \"foreign agents\" law that critics say mirrors Russian legislation.",
                "Tens of thousands of people rallied in central Tbilisi this month in support of European integration.",
                "Georgia fought a brief war with Russia in 2008, and Moscow continues to station troops in the breakaway regions of Abkhazia and South Ossetia.",
                "The opposition is running as four main coalitions, and polls suggest none is likely to win a majority on its own."};
        c.claims = new String[]{
                "Georgian officials have accused Western-funded NGOs of preparing to contest the outcome of the vote, according to local media.",
                "Georgian Dream has warned that the opposition is plotting street protests to overturn the result if it loses.",
                "Government supporters claim foreign-funded groups are training observers to declare the election \"stolen\" regardless of the outcome.",
                "Officials in Tbilisi have accused Western diplomats of interfering in the campaign on the side of the opposition.",
                "Opposition parties, for their part, allege voter intimidation and vote buying in rural districts."};
        c.wire = new String[]{"reuters", "ap", "bbc", "guardian", "dw", "f24", "rferl", "rferl", "politico", "kyiv"};
        c.state = new String[]{"rt", "sputnik", "tass"};

        c = country("US", "the United States", "U.S.", "Washington", -4, 35);
        c.imminent = true; c.section = "us"; c.stations = "100,000";
        c.body = "state election officials";
        c.vote = "the November 5 presidential election";
        c.voteShort = "presidential election";
        c.gov = "the Washington establishment";
        c.issues = "inflation, immigration and abortion rights";
        c.aliases = new String[]{"united states", "u.s.", "washington", "american"};
        c.actors = new String[]{"the Internet Research Agency|IRA|R", "RT|RT|R", "Russia's SVR foreign intelligence service|SVR|R",
                "Iran's Islamic Revolutionary Guard Corps (IRGC)|IRGC|I", "Press TV|Press TV|I", "Chinese state broadcaster CGTN|CGTN|C", "the Kremlin|Kremlin|R"};
        c.nets = new String[]{"Doppelganger, a Russian operation known for cloning the websites of established media outlets|Doppelganger|R",
                "a network tied to the former Internet Research Agency|IRA-linked|R",
                "Spamouflage, a pro-Beijing network active across platforms since at least 2019|Spamouflage|C",
                "an IRGC-linked hacking and influence group|IRGC-linked|I"};
        c.facts = new String[]{
                "Early voting is already under way in several states, and millions of mail ballots have been requested.",
                "The race between the two main candidates remains close in the handful of battleground states expected to decide the outcome.",
                "U.S. intelligence officials have said Russia, Iran and China are all seeking to influence the vote, with Russia the most active.",
                "The Justice Department last month seized dozens of internet domains it said were used by the Russian influence operation known as Doppelganger.",
                "Federal prosecutors last month charged two RT employees over an alleged scheme to fund American online commentators.",
                "Intelligence officials have attributed a hack-and-leak attempt targeting one of the presidential campaigns to Iran's Islamic Revolutionary Guard Corps.",
                "Officials in battleground states including Georgia and Arizona have set up rapid-response teams to counter false claims about voting."};
        c.claims = new String[]{
                "Critics of the U.S. electoral system say mail-in voting leaves the process open to fraud and manipulation.",
                "Polls show a large share of Americans do not trust the official count.",
                "Commentators have warned that the result could be contested for weeks, with both camps preparing legal challenges.",
                "Unverified videos purporting to show ballots being destroyed have circulated widely on social media.",
                "Washington has long lectured other nations on democracy while its own elections are plagued by allegations of fraud, critics say."};
        c.wire = new String[]{"reuters", "reuters", "ap", "ap", "bbc", "guardian", "dw", "f24"};
        c.state = new String[]{"rt", "sputnik", "tass", "presstv", "presstv", "cgtn", "gt", "xinhua"};

        c = country("RO", "Romania", "Romanian", "Bucharest", 3, 22);
        c.imminent = true; c.section = "europe"; c.stations = "19,000";
        c.body = "the Permanent Electoral Authority";
        c.vote = "the November 24 presidential election";
        c.voteShort = "presidential election";
        c.gov = "Romania's pro-Western establishment";
        c.issues = "living costs, pensions and corruption";
        c.aliases = new String[]{"romania", "bucharest"};
        c.actors = new String[]{"the Kremlin|Kremlin|R", "Sputnik|Sputnik|R", "RT|RT|R", "Russian military intelligence (GRU)|GRU|R"};
        c.nets = new String[]{"a pro-Kremlin TikTok network|pro-Kremlin|R",
                "Doppelganger, a Russian operation known for cloning the websites of established media outlets|Doppelganger|R"};
        c.facts = new String[]{
                "Romania, a NATO and EU member on the Black Sea, holds the first round of its presidential election on November 24, followed by parliamentary elections a week later.",
                "Nationalist parties have gained ground in recent polls, capitalising on discontent over living costs.",
                "Romanian officials have warned of a rise in disinformation targeting voters on TikTok and Telegram.",
                "The Constitutional Court this month barred a far-right candidate from the race over her anti-EU and anti-NATO statements."};
        c.claims = new String[]{
                "Nationalist politicians have accused the establishment of using the courts to exclude candidates it disagrees with.",
                "Supporters of the barred candidate claimed the decision showed the election had been \"rigged\" before a single vote was cast.",
                "Critics say Brussels, not Romanian voters, will decide the outcome of the vote."};
        c.wire = new String[]{"reuters", "ap", "bbc", "dw", "f24", "rferl", "politico", "kyiv"};
        c.state = new String[]{"rt", "sputnik", "tass"};

        c = country("DE", "Germany", "German", "Berlin", 2, 20);
        c.section = "europe";
        c.body = "the Federal Returning Officer";
        c.vote = "next year's federal election";
        c.voteShort = "federal election";
        c.gov = "Germany's ruling coalition";
        c.issues = "migration, the economy and energy prices";
        c.aliases = new String[]{"germany", "german", "berlin"};
        c.actors = new String[]{"the Kremlin|Kremlin|R", "RT DE|RT|R", "Russia's SVR foreign intelligence service|SVR|R", "Russian military intelligence (GRU)|GRU|R"};
        c.nets = new String[]{"Doppelganger, a Russian operation known for cloning the websites of established media outlets|Doppelganger|R"};
        c.facts = new String[]{
                "The far-right Alternative for Germany (AfD) made strong gains in state elections in Saxony, Thuringia and Brandenburg in September.",
                "Germany's three-party coalition has seen its support slump amid disputes over the budget.",
                "Germany's domestic intelligence agency has repeatedly warned of Russian disinformation aimed at deepening social divisions.",
                "German officials have previously exposed networks of fake news sites imitating major media outlets as part of the Doppelganger campaign."};
        c.claims = new String[]{
                "Critics say mainstream parties are seeking to sideline millions of opposition voters by debating a ban on the AfD.",
                "Commentators accuse Berlin of censoring dissenting voices under the pretext of fighting disinformation."};
        c.wire = new String[]{"reuters", "ap", "bbc", "guardian", "dw", "dw", "f24", "politico"};
        c.state = new String[]{"rt", "sputnik", "tass", "presstv"};

        c = country("FR", "France", "French", "Paris", 2, 20);
        c.section = "france";
        c.body = "the Interior Ministry";
        c.vote = "the next legislative elections";
        c.voteShort = "next elections";
        c.gov = "the Elysee";
        c.issues = "the budget, purchasing power and immigration";
        c.aliases = new String[]{"france", "french", "paris"};
        c.actors = new String[]{"the Kremlin|Kremlin|R", "RT|RT|R", "Russian military intelligence (GRU)|GRU|R"};
        c.nets = new String[]{"Doppelganger, a Russian operation known for cloning the websites of established media outlets|Doppelganger|R",
                "a pro-Russian network of news portals known as Portal Kombat|Portal Kombat|R"};
        c.facts = new String[]{
                "The snap legislative elections called in June produced a hung parliament split between three blocs.",
                "France's agency for countering foreign digital interference, Viginum, has documented several Russian operations targeting French audiences.",
                "French authorities have linked fake websites impersonating French media to the Doppelganger network.",
                "The new government relies on the tacit support of opposition lawmakers to survive confidence votes."};
        c.claims = new String[]{
                "Critics say the party that topped the first round of the summer's election saw victory \"stolen\" through tactical withdrawals.",
                "Opponents of the government accuse the Elysee of ignoring the will of voters."};
        c.wire = new String[]{"reuters", "ap", "bbc", "guardian", "dw", "f24", "f24", "politico"};
        c.state = new String[]{"rt", "sputnik", "presstv"};

        c = country("PL", "Poland", "Polish", "Warsaw", 2, 20);
        c.section = "europe";
        c.body = "the National Electoral Commission";
        c.vote = "next year's presidential election";
        c.voteShort = "presidential election";
        c.gov = "Poland's ruling coalition";
        c.issues = "security, migration and the rule of law";
        c.aliases = new String[]{"poland", "polish", "warsaw"};
        c.actors = new String[]{"Russian military intelligence (GRU)|GRU|R", "the Kremlin|Kremlin|R", "Belarusian state media|Belarusian state media|B"};
        c.nets = new String[]{"Ghostwriter, a campaign Western governments have linked to Belarus and Russian military intelligence|Ghostwriter|B",
                "Doppelganger, a Russian operation known for cloning the websites of established media outlets|Doppelganger|R"};
        c.facts = new String[]{
                "Poland will elect a new president next May, with the incumbent barred from seeking a third term.",
                "Polish officials have accused Russia and Belarus of waging a campaign of sabotage and disinformation against the country.",
                "The Ghostwriter operation has repeatedly hacked the accounts of Polish politicians to publish fabricated posts.",
                "The government has set up a task force to protect next year's vote from foreign interference."};
        c.claims = new String[]{
                "Opposition politicians accuse the ruling coalition of taking over public media to influence voters.",
                "Critics claim the government is using the fight against disinformation to silence its opponents."};
        c.wire = new String[]{"reuters", "ap", "bbc", "dw", "f24", "rferl", "politico", "kyiv"};
        c.state = new String[]{"rt", "sputnik", "tass"};

        c = country("UA", "Ukraine", "Ukrainian", "Kyiv", 3, 22);
        c.section = "europe";
        c.body = "the Central Election Commission";
        c.vote = "post-war elections";
        c.voteShort = "post-war elections";
        c.gov = "the authorities in Kyiv";
        c.issues = "the war, corruption and reconstruction";
        c.ctx = "amid debate over when post-war elections can be held";
        c.aliases = new String[]{"ukraine", "ukrainian", "kyiv"};
        c.actors = new String[]{"Russia's FSB security service|FSB|R", "the Kremlin|Kremlin|R", "RT|RT|R", "TASS|TASS|R", "Russian military intelligence (GRU)|GRU|R"};
        c.nets = new String[]{"Ghostwriter, a campaign Western governments have linked to Belarus and Russian military intelligence|Ghostwriter|B",
                "Doppelganger, a Russian operation known for cloning the websites of established media outlets|Doppelganger|R",
                "a cluster of FSB-run Telegram channels|FSB-linked|R"};
        c.facts = new String[]{
                "Ukraine's constitution bars elections while martial law is in force, and the presidential vote originally due in March was postponed.",
                "Ukrainian officials say Russian disinformation campaigns seek to undermine trust in the country's leadership.",
                "Ukraine's Centre for Countering Disinformation regularly flags fake statements attributed to Ukrainian officials.",
                "Polls suggest most Ukrainians oppose holding elections while the war continues."};
        c.claims = new String[]{
                "Moscow argues that Ukraine's leadership lost its legitimacy when the presidential term expired in May.",
                "Russian officials have said any agreement signed by Kyiv without a fresh election could later be challenged.",
                "Critics say the authorities are using martial law to avoid a vote they would lose."};
        c.wire = new String[]{"reuters", "ap", "bbc", "guardian", "dw", "rferl", "kyiv", "kyiv"};
        c.state = new String[]{"rt", "sputnik", "tass", "tass"};

        c = country("TW", "Taiwan", "Taiwanese", "Taipei", 8, 22);
        c.section = "asia-pacific";
        c.body = "the Central Election Commission";
        c.vote = "local elections due in 2026";
        c.voteShort = "local elections";
        c.gov = "the DPP authorities";
        c.issues = "relations with Beijing, energy and housing costs";
        c.aliases = new String[]{"taiwan", "taipei"};
        c.actors = new String[]{"Chinese state broadcaster CGTN|CGTN|C", "the Global Times|Global Times|C", "Xinhua|Xinhua|C", "Chinese state media|Chinese state media|C"};
        c.nets = new String[]{"Spamouflage, a pro-Beijing network active across platforms since at least 2019|Spamouflage|C",
                "a Spamouflage-linked cluster of accounts|Spamouflage|C"};
        c.facts = new String[]{
                "Taiwan held presidential and legislative elections in January, which were preceded by a wave of disinformation that officials blamed on Beijing.",
                "Beijing claims the democratically governed island as its own territory, a claim Taipei rejects.",
                "Taiwanese authorities have warned of AI-generated videos and fake opinion polls circulating on social media.",
                "Researchers have tied many of the accounts to Spamouflage, a long-running pro-Beijing network."};
        c.claims = new String[]{
                "Observers say the DPP authorities have used accusations of \"foreign interference\" to suppress opposition voices on the island.",
                "Critics on the island accuse the DPP of manipulating electoral rules to stay in power.",
                "Analysts say the so-called disinformation claims are aimed at smearing the mainland and stoking confrontation."};
        c.wire = new String[]{"reuters", "reuters", "ap", "bbc", "guardian", "dw", "f24"};
        c.state = new String[]{"cgtn", "gt", "gt", "xinhua"};

        c = country("BR", "Brazil", "Brazilian", "Brasilia", -3, 18);
        c.imminent = true; c.section = "americas"; c.stations = "90,000";
        c.body = "the Superior Electoral Court";
        c.vote = "the October 27 municipal election runoffs";
        c.voteShort = "municipal runoffs";
        c.gov = "Brazil's electoral court";
        c.issues = "public security, health care and the economy";
        c.aliases = new String[]{"brazil", "brasilia"};
        c.actors = new String[]{"RT|RT|R", "Sputnik|Sputnik|R", "the Kremlin|Kremlin|R"};
        c.nets = new String[]{"a network amplifying RT content in Portuguese|RT-linked|R",
                "Doppelganger, a Russian operation known for cloning the websites of established media outlets|Doppelganger|R"};
        c.facts = new String[]{
                "Brazilians voted in the first round of municipal elections on October 6, with runoffs in major cities including Sao Paulo later this month.",
                "The Superior Electoral Court has ordered platforms to remove AI-generated deepfakes of candidates.",
                "Brazil's electronic voting machines have been the target of unfounded fraud claims since the 2022 presidential election.",
                "The social media platform X was suspended in Brazil for more than a month this year after a dispute with the Supreme Court."};
        c.claims = new String[]{
                "Critics claim the electronic voting system cannot be independently audited.",
                "Some candidates have accused the electoral court of censorship after their posts were removed."};
        c.wire = new String[]{"reuters", "reuters", "ap", "bbc", "guardian", "f24"};
        c.state = new String[]{"rt", "sputnik", "xinhua"};

        c = country("UK", "the United Kingdom", "British", "London", 1, 18);
        c.section = "uk";
        c.body = "the Electoral Commission";
        c.vote = "next May's local elections";
        c.voteShort = "local elections";
        c.gov = "the British establishment";
        c.issues = "the cost of living, health services and immigration";
        c.aliases = new String[]{"united kingdom", "britain", "british", "london"};
        c.actors = new String[]{"Russian military intelligence (GRU)|GRU|R", "RT|RT|R", "the Kremlin|Kremlin|R", "Press TV|Press TV|I",
                "Iran's Islamic Revolutionary Guard Corps (IRGC)|IRGC|I"};
        c.nets = new String[]{"Doppelganger, a Russian operation known for cloning the websites of established media outlets|Doppelganger|R",
                "a pro-Kremlin network of anonymous news sites|pro-Kremlin|R", "an IRGC-linked influence network|IRGC-linked|I"};
        c.facts = new String[]{
                "The Labour Party won a landslide in July's general election, ending 14 years of Conservative government.",
                "British officials have said Russia, China and Iran all attempted to influence online debate around July's vote.",
                "The government has promised to strengthen defences against foreign interference in elections across the United Kingdom.",
                "Security services have warned of increased GRU activity in Britain."};
        c.claims = new String[]{
                "Critics say the first-past-the-post system produced a \"landslide\" on barely a third of the vote.",
                "Voters have complained that the system leaves millions without meaningful representation."};
        c.wire = new String[]{"reuters", "ap", "bbc", "bbc", "guardian", "guardian", "politico"};
        c.state = new String[]{"rt", "sputnik", "presstv"};

        c = country("HU", "Hungary", "Hungarian", "Budapest", 2, 21);
        c.section = "europe";
        c.body = "the National Election Office";
        c.vote = "the 2026 parliamentary election";
        c.voteShort = "2026 election";
        c.gov = "Hungary's government";
        c.issues = "inflation, health care and relations with Brussels";
        c.aliases = new String[]{"hungary", "hungarian", "budapest"};
        c.actors = new String[]{"the Kremlin|Kremlin|R", "RT|RT|R", "Sputnik|Sputnik|R"};
        c.nets = new String[]{"Doppelganger, a Russian operation known for cloning the websites of established media outlets|Doppelganger|R",
                "a network of pro-Kremlin Facebook pages|pro-Kremlin|R"};
        c.facts = new String[]{
                "A new opposition party made a strong showing in June's European Parliament elections, challenging the ruling Fidesz party.",
                "Hungary's government has maintained closer ties with Moscow than most EU members.",
                "Hungary set up a Sovereignty Protection Office this year, which critics say is used to target independent media and NGOs.",
                "International observers described Hungary's 2022 election as well run but marred by the lack of a level playing field."};
        c.claims = new String[]{
                "Government officials have accused Brussels of funding the opposition in an attempt to interfere in the next vote.",
                "Pro-government media claim foreign-funded NGOs are trying to influence Hungarian voters."};
        c.wire = new String[]{"reuters", "ap", "bbc", "dw", "f24", "rferl", "politico"};
        c.state = new String[]{"rt", "sputnik", "tass"};

        for (Country x : COUNTRIES) if (x.ctx == null) x.ctx = "ahead of " + x.vote;
    }

    // ------------------------------------------------------------------ generic pools

    static final String[] ORGS = {
            "researchers at a Brussels-based disinformation watchdog", "an independent monitoring group",
            "analysts at a European think tank", "a team of open-source investigators",
            "a coalition of fact-checking organisations", "a university lab that tracks online manipulation",
            "a cybersecurity firm", "a nonprofit group that monitors online extremism"};
    static final String[] PLATS = {"Telegram", "TikTok", "Facebook", "X", "YouTube", "Instagram"};
    static final String[] PLATCOS = {"Meta", "TikTok", "YouTube", "X"};
    static final String[] DENIAL_R = {
            "Moscow has repeatedly denied interfering in other countries' elections.",
            "The Kremlin has dismissed such accusations as baseless.",
            "Russian officials did not respond to a request for comment.",
            "Russia's foreign ministry has described similar allegations in the past as \"Russophobic hysteria\"."};
    static final String[] DENIAL_C = {
            "Beijing has consistently denied running influence operations abroad.",
            "China's foreign ministry has rejected similar accusations as \"groundless smears\"."};
    static final String[] DENIAL_I = {
            "Tehran has denied seeking to interfere in foreign elections.",
            "Iranian officials have rejected the accusations as baseless."};
    static final String[] DENIAL_B = {
            "Minsk has denied involvement in hacking and influence campaigns.",
            "Belarusian officials have dismissed the accusations as Western propaganda."};

    // Heads: each row is {lead, title, title...}; a title is only ever paired with a lead that it summarises.
    static final String[][] COVER_HEAD_IMMINENT = {
            {"{ADJ} candidates made their final pitches to voters on {DAY} ahead of {VOTE}, with polls pointing to a close contest.",
                    "{ADJ} candidates make final pitch to undecided voters", "Polls point to tight race in {ADJ} {VOTESHORT}"},
            {"{BODY} said on {DAY} that preparations for {VOTE} were on track, with ballots printed and around {STATIONS} polling stations being equipped.",
                    "{ADJ} election officials say preparations for vote on track"},
            {"Election observers began arriving in {CAP} on {DAY} to monitor the final stretch of the campaign before {VOTE}.",
                    "Observers arrive in {CAP} as campaign enters final stretch"},
            {"Voters in {C} will head to the polls for {VOTE} amid warnings from officials about a surge in online disinformation.",
                    "Disinformation fears loom over {ADJ} {VOTESHORT}"},
            {"Security was stepped up around polling stations and election offices in {C} on {DAY} as authorities prepared for {VOTE}.",
                    "{CCAP} steps up security ahead of {VOTESHORT}"},
            {"The campaign for {VOTE} entered its final days on {DAY}, with candidates crisscrossing {C} in search of undecided voters.",
                    "{ADJ} campaign enters final days", "Candidates court undecided voters as {ADJ} campaign nears end"}};
    static final String[][] COVER_HEAD_GENERAL = {
            {"{ADJ} lawmakers debated new rules on {DAY} aimed at protecting {VOTE} from foreign interference.",
                    "{ADJ} lawmakers weigh new rules to shield elections from foreign meddling"},
            {"Officials in {CAP} said on {DAY} they were preparing for {VOTE} amid growing concern about online disinformation.",
                    "{CCAP} prepares for {VOTESHORT} amid disinformation concerns"},
            {"A parliamentary committee in {C} opened hearings on {DAY} into how foreign states try to influence voters.",
                    "Hearings open in {CAP} on foreign influence over voters"},
            {"{ADJ} political parties signed a pledge on {DAY} not to use AI-generated content in campaign material ahead of {VOTE}.",
                    "{ADJ} parties pledge not to use AI deepfakes in campaigns"},
            {"{BODY} published new guidance on {DAY} for candidates targeted by online smear campaigns.",
                    "Election watchdog in {CAP} issues guidance on smear campaigns"}};
    static final String[] COVER_BODY = {
            "Turnout is expected to be a key factor, analysts say.",
            "An analyst at a {CAP}-based think tank said the campaign had been more polarised than any in recent memory.",
            "Officials urged voters to rely on official sources for information about where and how to vote.",
            "{BODY} said on {DAY} that {SMALLN} formal complaints had been filed so far, most of them concerning campaign finance.",
            "Social media companies said they had set up dedicated teams to respond to election-related threats in {C}.",
            "Independent monitors have recorded a rise in paid political advertising on social media in recent weeks.",
            "Both the government and the opposition have accused each other of spreading false information.",
            "Surveys suggest voters are most concerned about {ISSUES}.",
            "\"People are tired, and that makes them vulnerable to simple stories about who is to blame,\" said a political scientist in {CAP}.",
            "Officials have asked platforms to label political adverts more clearly."};
    static final String[] COVER_BODY_IMMINENT = {
            "Civil society groups said they would deploy more than {K} observers on election day.",
            "Polls will open at 7 a.m. local time, and preliminary results are expected within hours of polls closing.",
            "{BODY} urged voters to report suspicious offers of money or gifts in exchange for their vote.",
            "Several candidates held their final rallies on {DAY} evening."};

    static final String[][] INTER_HEAD = {
            {"A network of more than {N} fake accounts on {PLAT} has been spreading false claims about {VOTE}, {ORG} said on {DAY}, linking the activity to {NET}.",
                    "{NETSHORT} accounts target {ADJ} voters, researchers say", "Researchers uncover fake {PLAT} network targeting {ADJ} voters"},
            {"{ADJ} authorities said on {DAY} they had uncovered an influence operation run by {ACTOR} aimed at swaying voters {CTX}.",
                    "{CCAP} says {ACTORSHORT} behind campaign to sway voters"},
            {"{ACTOR} is behind a wave of fabricated news stories targeting voters in {C}, {ORG} said in a report published on {DAY}.",
                    "Report links {ACTORSHORT} to disinformation aimed at {ADJ} voters"},
            {"Fake websites imitating well-known {ADJ} news outlets have been used to spread {SIDE} narratives {CTX}, according to {ORG}.",
                    "Fake news sites mimic {ADJ} media {CTX}"},
            {"{PLATCO} said on {DAY} it had removed {SMALLN} accounts linked to {NET} that targeted users in {C} with election content.",
                    "{PLATCO} removes accounts targeting {ADJ} election debate"},
            {"Security officials in {CAP} warned on {DAY} that {ACTOR} was stepping up efforts to influence voters {CTX}.",
                    "{ADJ} officials warn of stepped-up {ACTORSHORT} influence operations"},
            {"Investigators in {C} are examining whether {ACTOR} funded a series of online campaigns designed to discredit {VOTE}, officials said on {DAY}.",
                    "{CCAP} investigates whether {ACTORSHORT} funded campaigns against vote"}};
    static final String[] INTER_BODY = {
            "The accounts posted in coordinated bursts, often within minutes of each other, and reused the same images and phrases, the researchers said.",
            "Many of the posts claimed, without evidence, that the vote would be rigged.",
            "Some of the content was amplified by accounts that have previously shared material from {STATEOUT}.",
            "The operation bears the hallmarks of {NETDESC}.",
            "The researchers said engagement with the posts was largely artificial, with few genuine users sharing them.",
            "Officials said the operation used paid advertising and AI-generated audio to reach voters.",
            "Experts warn that such campaigns aim less at changing votes than at eroding trust in the electoral process itself.",
            "A government spokesperson said foreign actors would not be allowed to decide the outcome of {VOTE}.",
            "The findings were shared with {BODY} and the platforms involved.",
            "Some of the videos were viewed more than {K} times before being taken down.",
            "The report identified {SMALLN} websites, most of them registered within the past three months.",
            "\"What we are seeing is industrial in scale,\" one of the researchers said."};

    static final String[][] FRAUD_HEAD = {
            {"{BODY} on {DAY} rejected claims circulating on {PLAT} that {VOTE} had already been rigged, calling them a deliberate attempt to undermine public trust.",
                    "{ADJ} election officials reject online claims of rigged vote"},
            {"A video purporting to show ballot stuffing in {C} that spread widely online this week was fabricated, fact-checkers said on {DAY}.",
                    "Fact-checkers debunk fake ballot-stuffing video in {C}"},
            {"Claims that {VOTE} will be \"stolen\" are being amplified by accounts linked to {ACTOR}, {ORG} said on {DAY}.",
                    "'Stolen election' narrative spreads in {C}, monitors say", "{ACTORSHORT}-linked accounts push 'rigged election' claims in {C}"},
            {"Fact-checkers in {CAP} on {DAY} debunked a fake document that purported to show a government plan to falsify {VOTE}.",
                    "Fabricated document claiming plan to falsify {ADJ} vote debunked"}};
    static final String[][] FRAUD_HEAD_IMMINENT = {
            {"Police in {C} said on {DAY} they were investigating allegations of vote buying after reports that voters had been offered cash ahead of {VOTE}.",
                    "Police in {C} probe vote-buying allegations ahead of {VOTESHORT}"}};
    static final String[] FRAUD_BODY = {
            "The clip, which officials said was staged, was shared thousands of times within hours.",
            "Election officials said there was no evidence of the irregularities described in the posts.",
            "Similar claims of ballot stuffing have circulated before previous votes and were later shown to be false.",
            "Experts say the narrative that the vote is \"rigged\" is being seeded early so it can be used to contest the result.",
            "Some of the posts were first published on Telegram channels that regularly relay material from {STATEOUT}.",
            "Under {ADJ} law, vote buying is a criminal offence punishable by prison.",
            "{BODY} said it would publish results from each polling station online to allow independent checks."};

    static final String[][] STATE_HEAD_IMMINENT = {
            {"{OPP} in {C} have warned that {VOTE} could be rigged, citing what they described as irregularities in voter lists, {SRC} reports.",
                    "Critics warn of rigged {ADJ} {VOTESHORT}"},
            {"Concerns are mounting in {C} over the fairness of {VOTE}, with critics accusing {GOV} of using state resources to tilt the playing field.",
                    "Concerns mount over fairness of {ADJ} {VOTESHORT}"},
            {"Allegations of vote buying and ballot stuffing have overshadowed preparations for {VOTE}, local media reported on {DAY}.",
                    "Vote-buying, ballot-stuffing claims overshadow {ADJ} {VOTESHORT}"},
            {"{ADJ} critics say {VOTE} is being \"stolen\" before a single ballot has been cast.",
                    "Critics: {ADJ} vote 'stolen' before it begins", "West silent on violations in {ADJ} campaign, analysts say"}};
    static final String[][] STATE_HEAD_GENERAL = {
            {"{OPP} in {C} have warned that {VOTE} could be rigged, citing what they described as irregularities in voter lists, {SRC} reports.",
                    "Critics question fairness of {ADJ} electoral system"},
            {"Concerns are mounting in {C} over the fairness of {VOTE}, with critics accusing {GOV} of using state resources to tilt the playing field.",
                    "{GOVCAP} accused of tilting playing field ahead of {VOTESHORT}"},
            {"Critics have accused {GOV} of seeking to silence dissenting voices ahead of {VOTE}, {SRC} reports.",
                    "{GOVCAP} accused of stifling opposition ahead of {VOTESHORT}"},
            {"Critics in {C} say a crackdown on so-called disinformation is being used against opposition voters ahead of {VOTE}.",
                    "{ADJ} 'disinformation' crackdown targets opposition voters, critics say", "Analysts: {ADJ} voters deprived of real choice"}};
    static final String[] STATE_BODY = {
            "Critics say the campaign has been marked by pressure on independent media and opposition figures.",
            "Western governments, which fund a range of so-called independent media outlets, have been silent about the alleged violations.",
            "Observers pointed to missing names on voter lists and restrictions on opposition campaigning.",
            "Political analysts interviewed by {SRC} described the vote as \"neither free nor fair\".",
            "Local opposition media have reported cases of voters being pressured by employers to support the ruling camp.",
            "According to the critics, thousands of \"dead souls\" remain on the electoral rolls."};

    // ------------------------------------------------------------------ surge (Moldova, 2024-10-18 14:00-15:59 UTC)

    static final String[][] SURGE_HEAD_WIRE = {
            {"Moldovan police said on Friday they had uncovered a Russian-funded network that paid tens of thousands of voters to vote against Sunday's referendum on EU membership.",
                    "Moldova says Russia-funded network paid voters ahead of EU referendum", "Tens of thousands of Moldovan voters were paid, police say",
                    "Moldova: what we know about the alleged Russian vote-buying scheme"},
            {"Moldova's Central Electoral Commission warned on Friday of a flood of fabricated videos purporting to show ballot stuffing, two days before the country votes in a presidential election and a referendum on joining the European Union.",
                    "Moldova warns of fake ballot-stuffing videos ahead of presidential election", "Moldova's electoral commission flags wave of fake videos targeting voters",
                    "Moldova's Central Electoral Commission urges calm over fraud claims"},
            {"Authorities in Chisinau on Friday accused the Kremlin of orchestrating an \"unprecedented\" campaign to buy votes and spread disinformation ahead of Moldova's presidential election and EU referendum.",
                    "Moldova accuses Kremlin of 'unprecedented' interference before Sunday's vote", "Moldova braces for pivotal vote amid Russian interference claims",
                    "Moldova election: fraud claims and vote buying cloud EU referendum"},
            {"Moldovan prosecutors said on Friday that money used to pay voters had been transferred through Russian bank cards, in the latest accusation of Kremlin interference ahead of Sunday's vote.",
                    "Moldovan prosecutors say cash for votes flowed through Russian bank cards"},
            {"Telegram channels linked to Sputnik Moldova, which is banned in the country, are pushing claims that Sunday's EU referendum has been rigged, monitors said on Friday.",
                    "Sputnik Moldova channels push 'rigged referendum' claims, monitors say", "Moldova blocks dozens of Telegram channels over election disinformation"},
            {"Moldova's intelligence service said on Friday that groups linked to Russia's FSB had trained people to stage unrest after Sunday's election, an accusation Moscow denied.",
                    "Moldova says FSB-linked groups trained people to stir unrest after vote"},
            {"Police in Moldova said on Friday they had searched dozens of addresses in a vote-buying investigation, as officials warned the outcome of Sunday's vote could be distorted by Russian money.",
                    "Moldovan police raid dozens of addresses in vote-buying probe two days before election"},
            {"The Kremlin on Friday rejected accusations from Moldova that Russia was financing a vote-buying scheme ahead of Sunday's presidential election and EU referendum.",
                    "Kremlin rejects Moldova's vote-buying accusations"},
            {"The European Union on Friday condemned what it called Russian attempts to interfere in Moldova's presidential election and EU referendum, after Moldovan police said a Moscow-funded network had paid voters.",
                    "EU condemns Russian meddling in Moldova's election"}};
    static final String[][] SURGE_HEAD_STATE = {
            {"Moldovan opposition politicians on Friday accused the pro-Western authorities in Chisinau of preparing to rig Sunday's referendum on EU membership.",
                    "Moldovan opposition says EU referendum 'rigged from the start'"},
            {"Moldova's authorities have launched a wave of raids against opposition activists two days before the presidential election, in what critics call a campaign of intimidation.",
                    "Moldova's authorities launch raids on opposition activists days before vote", "Chisinau accused of intimidating opposition ahead of Moldova vote"},
            {"The Kremlin on Friday dismissed allegations by Moldovan authorities that Russia was financing a vote-buying scheme, calling them \"absurd\" and \"Russophobic\".",
                    "Kremlin: Moldova's claims of Russian interference 'absurd'"},
            {"Hundreds of thousands of Moldovan citizens living in Russia will have only two polling stations at their disposal on Sunday, opposition figures in Moldova complained on Friday.",
                    "Moldovans in Russia left with two polling stations, opposition cries foul"},
            {"Critics in Moldova decried what they called unprecedented pressure on dissenting media on Friday, as the authorities blocked more Telegram channels ahead of Sunday's vote.",
                    "Moldova vote: critics decry 'unprecedented pressure' on dissenting media"}};
    static final String[] SURGE_BODY_WIRE = {
            "Police said the scheme was coordinated from Moscow and used a network of local organisers to recruit voters.",
            "Voters were allegedly offered cash transfers in exchange for voting against the referendum and sharing photos of their marked ballots.",
            "The Central Electoral Commission said it had asked platforms to remove several videos that falsely claimed to show ballot stuffing at polling stations abroad.",
            "\"This is an attack on our democracy financed from Moscow,\" a senior police official told reporters in Chisinau.",
            "A Kremlin spokesman said Russia \"does not interfere in the internal affairs of other states\".",
            "Sputnik Moldova, whose website is blocked in the country, continues to reach Moldovan audiences through Telegram and mirror sites.",
            "Polls suggest a majority of Moldovans support EU membership, but the referendum needs a turnout of at least a third of registered voters to be valid.",
            "The incumbent president, who is seeking re-election, has made EU integration the centrepiece of her campaign.",
            "Officials said the FSB and Russian military intelligence (GRU) had stepped up activity in Moldova in recent months.",
            "Moldova, a former Soviet republic of about 2.5 million people, applied to join the EU in 2022.",
            "The European Union has said it stands ready to help Moldova counter hybrid threats.",
            "Deepfake videos of Moldovan officials have circulated on TikTok and Telegram throughout the campaign.",
            "Authorities said they had blocked access to dozens of Telegram channels and websites linked to the scheme.",
            "Analysts say Moscow wants to keep Moldova out of the Western orbit and regain influence over a country it considers part of its sphere.",
            "Prosecutors said as much as $15 million had been transferred to voters' accounts in recent months.",
            "The Central Electoral Commission said nearly 2,000 polling stations would open inside Moldova at 7 a.m. local time on Sunday.",
            "Election observers said they were following the reports of vote buying closely."};
    static final String[] SURGE_BODY_STATE = {
            "Opposition figures say only two polling stations have been opened in Russia for hundreds of thousands of Moldovan citizens living there.",
            "Critics accuse the authorities of using the fight against \"disinformation\" to shut down opposition media and block Sputnik Moldova.",
            "Several opposition politicians described the referendum as \"rigged from the start\" and \"imposed by Brussels\".",
            "Moscow has repeatedly rejected Chisinau's allegations of interference, calling them a pretext to suppress dissent.",
            "The Kremlin said Russia was following the situation in Moldova closely and hoped the vote would be free and fair.",
            "Observers pointed to pressure on opposition candidates, including searches of their offices days before the vote.",
            "The authorities in Chisinau have not presented evidence to back their claims, opposition figures said.",
            "Moldova's Central Electoral Commission has rejected complaints from opposition parties about the distribution of polling stations abroad."};

    // ------------------------------------------------------------------ irrelevant pools

    /** heads: {title, lead} pairs so that a headline always matches its first sentence. */
    record Topic(String name, String[] outlets, String section, String[][] heads, String[] bodies) {}

    static final String[][] TEAMS = {
            {"Brazil", "Argentina", "Uruguay", "Colombia", "Peru", "Chile", "Ecuador", "Paraguay"},
            {"Germany", "Netherlands", "England", "France", "Belgium", "Poland", "Croatia", "Portugal", "Scotland", "Hungary"}};
    static final String[] REGIONS = {"central Europe", "northern Italy", "southern Spain", "the western Balkans", "the Alps",
            "eastern Australia", "southern China", "the Caribbean", "northern Scotland", "the Baltic coast"};

    static final List<Topic> TOPICS = List.of(
            new Topic("football", new String[]{"reuters", "ap", "bbc", "guardian", "f24", "rt", "cgtn"}, "sport",
                    new String[][]{
                            {"{T1} beat {T2} {S1}-{S2}", "{T1} beat {T2} {S1}-{S2} on {DAY}, with a second-half goal settling a tense international."},
                            {"Late goal lifts {T1} past {T2}", "A late strike gave {T1} a {S1}-{S2} win over {T2} on {DAY} night."},
                            {"{T1} ease past {T2} to stay in contention", "{T1} eased to a {S1}-{S2} victory over {T2} on {DAY}, keeping pace with the group leaders."}},
                    new String[]{"{T1} dominated possession from the start and went ahead shortly before half-time.",
                            "The visitors had chances after the break but could not find a way back.",
                            "The result lifts them into the top half of the table.",
                            "The coach praised his side's discipline but said there was \"plenty still to improve\".",
                            "A crowd of more than {CROWD} watched the match.",
                            "Both squads now return to club duty for the weekend.",
                            "The goalkeeper made three fine saves to protect the lead in the closing minutes."}),
            new Topic("motorsport", new String[]{"reuters", "ap", "bbc", "guardian"}, "sport",
                    new String[][]{
                            {"Drivers prepare for United States Grand Prix in Austin", "Formula One returns this weekend to the Circuit of the Americas in Austin, Texas, for the United States Grand Prix."},
                            {"Title fight tightens as Formula One returns to Texas", "The championship leader arrives in Texas with a reduced lead after a difficult run of races."}},
                    new String[]{"The weekend uses the sprint format, with only one practice session before qualifying.",
                            "Teams have brought upgraded floors and wings for the final races of the season.",
                            "Temperatures in the high 20s Celsius are forecast for Sunday's race.",
                            "Tyre wear on the bumpy track is expected to decide strategy.",
                            "Tickets for the race sold out weeks in advance."}),
            new Topic("weather", new String[]{"reuters", "ap", "bbc", "guardian", "dw", "xinhua", "cgtn"}, "world",
                    new String[][]{
                            {"Heavy rain brings flooding to parts of {REGION}", "Heavy rain caused flooding across parts of {REGION} on {DAY}, cutting off roads and disrupting rail services."},
                            {"Storm warnings issued across {REGION}", "Forecasters issued severe weather warnings for {REGION} on {DAY} as a deep low-pressure system moved in."}},
                    new String[]{"Up to {MM} millimetres of rain fell in 24 hours in the worst-hit areas.",
                            "Emergency services said they had rescued dozens of residents from flooded homes.",
                            "Several schools were closed and flights were delayed at regional airports.",
                            "Temperatures are expected to drop sharply over the weekend.",
                            "Meteorologists said the unsettled weather would persist into next week.",
                            "Power was cut to thousands of households after strong winds brought down lines."}),
            new Topic("markets", new String[]{"reuters", "reuters", "ap", "dw", "cgtn", "xinhua", "gt"}, "markets",
                    new String[][]{
                            {"Stocks edge higher as investors weigh rate-cut bets", "Global stocks edged higher on {DAY} as investors weighed the outlook for interest rates and a busy week of corporate earnings."},
                            {"Oil slips on demand worries", "Oil prices fell on {DAY} amid concerns about weak demand, while equities were mixed."},
                            {"Gold hovers near record high as stocks drift", "Gold traded close to record highs on {DAY} while stock markets drifted, with investors cautious before central bank meetings."}},
                    new String[]{"The pan-European STOXX 600 index rose {P} percent by midday.",
                            "Brent crude futures fell {P} percent to ${BRENT} a barrel.",
                            "The dollar was steady against a basket of major currencies.",
                            "Safe-haven demand has supported bullion for most of the month.",
                            "Technology shares led the gains after strong results from chipmakers.",
                            "Traders now price in further rate cuts by the European Central Bank before the end of the year."}),
            new Topic("military-east", new String[]{"reuters", "ap", "bbc", "dw", "tass", "rt"}, "world",
                    new String[][]{
                            {"Russia presses military campaign in eastern Ukraine", "Russian forces pressed on with their military campaign in eastern Ukraine on {DAY}, claiming the capture of another village near Pokrovsk."}},
                    new String[]{"The claims could not be independently verified.",
                            "Officials said civilians were among the casualties.",
                            "Drone and artillery strikes continued through the night, local officials said.",
                            "Aid groups warned of a worsening humanitarian situation."}),
            new Topic("military-lebanon", new String[]{"reuters", "ap", "bbc", "f24"}, "world",
                    new String[][]{
                            {"Israel expands military campaign in southern Lebanon", "Israel's military said on {DAY} it had expanded its ground campaign in southern Lebanon, striking what it described as militant infrastructure."}},
                    new String[]{"The claims could not be independently verified.",
                            "Officials said civilians were among the casualties.",
                            "The military said it had destroyed several weapons depots.",
                            "Aid groups warned of a worsening humanitarian situation."}),
            new Topic("turkey", new String[]{"guardian", "bbc", "bbc", "ap"}, "food",
                    new String[][]{
                            {"How to roast a turkey without drying it out", "A whole roast turkey need not be dry if you brine it and watch the temperature closely."},
                            {"Turkey meatballs with lemon and herbs", "Turkey mince makes light, juicy meatballs when mixed with lemon zest, garlic and plenty of herbs."},
                            {"Five ways with leftover turkey", "Leftover turkey is one of the most versatile ingredients in the fridge, from pies to broths."}},
                    new String[]{"Brine the turkey overnight in salted water with bay leaves and peppercorns.",
                            "Rest the meat for at least ten minutes before serving.",
                            "Roast at 180C, basting every half hour, until the juices run clear.",
                            "Serve with cranberry sauce and roasted root vegetables.",
                            "Cold turkey works well in a curry or a simple broth.",
                            "A meat thermometer is the cook's best friend here."}),
            new Topic("china", new String[]{"guardian", "bbc", "ap", "f24"}, "lifeandstyle",
                    new String[][]{
                            {"Set of 18th-century china plates sells for {PRICE} at auction", "A set of 18th-century china plates sold for {PRICE} at an auction on {DAY}, well above the estimate."},
                            {"How to care for your grandmother's china plates", "Fine china plates can last for generations if they are washed and stored with care, restorers say."},
                            {"Hand-painted china plates make a comeback", "Hand-painted china plates are back in fashion, with younger buyers hunting them down at flea markets and online."}},
                    new String[]{"Many of the most sought-after plates are decorated with blue-and-white floral patterns and a gilded rim.",
                            "Experts advise washing fine china by hand in lukewarm water.",
                            "Avoid stacking plates without a layer of felt between them.",
                            "Prices for patterned tableware have risen steadily at regional auctions.",
                            "Dealers say private collectors account for most of the bidding.",
                            "Hairline cracks can be stabilised by a specialist restorer."}));
    static final int[] TOPIC_COUNTS = {14, 3, 10, 11, 4, 2, 9, 7};  // sums to IRRELEVANT

    // ------------------------------------------------------------------ article model

    static final class Art {
        String url, source, title, text;
        LocalDateTime t;
        int seq;
        String kind;
        String urlOutlet, section;
    }

    static int seqCounter = 0;
    static final Set<String> URLS = new HashSet<>();
    static final Map<String, int[]> HOURLY = new TreeMap<>();   // country key -> counts per hour index
    static final int HOURS = DAYS * 24;

    // ------------------------------------------------------------------ helpers

    static <T> T pick(T[] a) { return a[R.nextInt(a.length)]; }
    static <T> T pick(List<T> a) { return a.get(R.nextInt(a.size())); }
    static int between(int lo, int hi) { return lo + R.nextInt(hi - lo + 1); }
    /** Picks a {lead, title...} row; returns {title, lead}. */
    static String[] head(String[][] rows) {
        String[] row = pick(rows);
        return new String[]{row[1 + R.nextInt(row.length - 1)], row[0]};
    }
    static String fmt(int n) { return String.format(Locale.ROOT, "%,d", n); }
    static String cap1(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }
    static String noThe(String s) { return s.startsWith("the ") ? s.substring(4) : s; }

    static String fill(String tpl, Map<String, String> v) {
        String s = tpl;
        for (Map.Entry<String, String> e : v.entrySet()) s = s.replace("{" + e.getKey() + "}", e.getValue());
        if (s.indexOf('{') >= 0) throw new IllegalStateException("unfilled placeholder in: " + s);
        return s;
    }

    static String slug(String title, int maxWords) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String[] w = s.split("-");
        return String.join("-", Arrays.copyOf(w, Math.min(w.length, maxWords)));
    }

    static String rnd(String alphabet, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(R.nextInt(alphabet.length())));
        return b.toString();
    }

    static final String HEX = "0123456789abcdef";
    static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** Builds a realistic URL for the outlet; section is a coarse hint (europe, us, uk, sport, markets, food...). */
    static String makeUrl(String outletKey, String title, LocalDateTime t, String section) {
        LocalDate d = t.toLocalDate();
        String ymd = d.toString();
        String compact = ymd.replace("-", "");
        String mon = d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
        String sl = slug(title, 12);
        switch (outletKey) {
            case "reuters": {
                String sec = switch (section) {
                    case "us" -> "world/us";
                    case "uk" -> "world/uk";
                    case "americas" -> "world/americas";
                    case "asia-pacific" -> "world/asia-pacific";
                    case "sport" -> "sports";
                    case "markets" -> "markets";
                    default -> "world/europe";
                };
                return "https://www.reuters.com/" + sec + "/" + sl + "-" + ymd + "/";
            }
            case "ap": return "https://apnews.com/article/" + slug(title, 7) + "-" + rnd(HEX, 32);
            case "bbc":
                if (section.equals("food")) return "https://www.bbc.co.uk/food/recipes/" + slug(title, 6).replace('-', '_') + "_" + between(10000, 99999);
                return "https://www.bbc.co.uk/news/articles/c" + rnd(ALNUM, 10) + "o";
            case "guardian": {
                String sec = switch (section) {
                    case "us" -> "us-news";
                    case "uk" -> "politics";
                    case "sport" -> "sport";
                    case "markets" -> "business";
                    case "food" -> "food";
                    case "lifeandstyle" -> "lifeandstyle";
                    default -> "world";
                };
                return "https://www.theguardian.com/" + sec + "/" + d.getYear() + "/" + mon + "/" + String.format(Locale.ROOT, "%02d", d.getDayOfMonth()) + "/" + sl;
            }
            case "dw": return "https://www.dw.com/en/" + slug(title, 10) + "/a-" + between(70400000, 70599999);
            case "f24": {
                String sec = switch (section) {
                    case "us", "americas" -> "americas";
                    case "asia-pacific" -> "asia-pacific";
                    case "france" -> "france";
                    case "sport" -> "sport";
                    case "markets" -> "business";
                    case "lifeandstyle", "food" -> "culture";
                    default -> "europe";
                };
                return "https://www.france24.com/en/" + sec + "/" + compact + "-" + sl;
            }
            case "rferl": return "https://www.rferl.org/a/" + slug(title, 8) + "/" + between(33150000, 33169999) + ".html";
            case "politico": return "https://www.politico.eu/article/" + sl + "/";
            case "kyiv": return "https://kyivindependent.com/" + slug(title, 10) + "/";
            case "rt": return "https://www.rt.com/news/" + between(605400, 605999) + "-" + slug(title, 5) + "/";
            case "sputnik": return "https://sputnikglobe.com/" + compact + "/" + slug(title, 8) + "-" + (1120500000L + R.nextInt(900000)) + ".html";
            case "tass": return "https://tass.com/" + (section.equals("markets") ? "economy" : section.equals("sport") ? "sport" : "world") + "/" + between(1857000, 1859999);
            case "cgtn": {
                StringBuilder b = new StringBuilder();
                for (String w : slug(title, 6).split("-")) b.append(cap1(w)).append('-');
                return "https://news.cgtn.com/news/" + ymd + "/" + b + rnd("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 10) + "/p.html";
            }
            case "gt": return "https://www.globaltimes.cn/page/" + compact.substring(0, 6) + "/" + between(1321000, 1321999) + ".shtml";
            case "presstv": return "https://www.presstv.ir/Detail/" + ymd.replace('-', '/') + "/" + between(735000, 735999) + "/" + slug(title, 8);
            case "xinhua": return "https://www.xinhuanet.com/english/" + compact + "/" + rnd(HEX, 32) + "/c.html";
            default: throw new IllegalArgumentException(outletKey);
        }
    }

    static String uniqueUrl(String outletKey, String title, LocalDateTime t, String section) {
        for (int i = 0; i < 5; i++) {                 // random-id schemes: just draw again
            String u = makeUrl(outletKey, title, t, section);
            if (URLS.add(u)) return u;
        }
        String u = makeUrl(outletKey, title, t, section);  // slug-only schemes: numeric suffix, as outlets do
        for (int i = 2; i < 100; i++) {
            String v = u.endsWith("/") ? u.substring(0, u.length() - 1) + "-" + i + "/" : u + "-" + i;
            if (URLS.add(v)) return v;
        }
        throw new IllegalStateException("could not make a unique url for " + title);
    }

    /** Lower-case mention check for all countries; returns keys of countries mentioned. */
    static List<String> mentions(String title, String text) {
        String s = (title + " " + text).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (Country c : COUNTRIES) {
            for (String a : c.aliases) if (s.contains(a)) { out.add(c.key); break; }
        }
        return out;
    }

    static int hourIndex(LocalDateTime t) {
        return (int) ChronoUnit.HOURS.between(START.atStartOfDay(), t.truncatedTo(ChronoUnit.HOURS));
    }

    static boolean inSurge(LocalDateTime t) {
        return !t.isBefore(SURGE_START) && t.isBefore(SURGE_START.plusHours(SURGE_HOURS));
    }

    /** True if adding an article at time t mentioning these countries keeps every country-hour within the cap. */
    static boolean fits(List<String> keys, LocalDateTime t, boolean surgeArticle) {
        int h = hourIndex(t);
        for (String k : keys) {
            if (surgeArticle && k.equals("MD")) continue;
            if (!surgeArticle && k.equals("MD") && inSurge(t)) return false;  // keep the surge hours pure
            if (HOURLY.computeIfAbsent(k, x -> new int[HOURS])[h] + 1 > HOURLY_CAP) return false;
        }
        return true;
    }

    static void count(List<String> keys, LocalDateTime t) {
        int h = hourIndex(t);
        for (String k : keys) HOURLY.computeIfAbsent(k, x -> new int[HOURS])[h]++;
    }

    /** Hour weight by local time of the country: fewer articles at night. */
    static int localWeight(int localHour) {
        if (localHour < 6) return 1;
        if (localHour < 7) return 2;
        if (localHour < 8) return 4;
        if (localHour < 19) return 6;
        if (localHour < 22) return 4;
        return 2;
    }

    static LocalDateTime randomTime(int utcOffset) {
        int day = R.nextInt(DAYS);
        int[] w = new int[24];
        int total = 0;
        for (int h = 0; h < 24; h++) { w[h] = localWeight(Math.floorMod(h + utcOffset, 24)); total += w[h]; }
        int x = R.nextInt(total), hour = 0;
        while (x >= w[hour]) { x -= w[hour]; hour++; }
        return START.plusDays(day).atTime(hour, R.nextInt(60));
    }

    static String dayName(LocalDateTime t) {
        return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** Lead + 2..7 body sentences (3..8 total), body drawn without replacement. */
    static String compose(String lead, List<String> body, Map<String, String> v) {
        int total = between(3, 8);
        List<String> pool = new ArrayList<>(body);
        List<String> out = new ArrayList<>();
        out.add(cap1(fill(lead, v)));
        while (out.size() < total && !pool.isEmpty()) {
            String s = cap1(fill(pool.remove(R.nextInt(pool.size())), v));
            if (!out.contains(s)) out.add(s);
        }
        return String.join(" ", out);
    }

    static String[] denialsFor(String sponsor) {
        return switch (sponsor) { case "C" -> DENIAL_C; case "I" -> DENIAL_I; case "B" -> DENIAL_B; default -> DENIAL_R; };
    }
    static String stateOutFor(String sponsor) {
        return switch (sponsor) { case "C" -> "CGTN and the Global Times"; case "I" -> "Press TV"; case "B" -> "Belarusian state media"; default -> "RT and Sputnik"; };
    }
    static String sideFor(String sponsor) {
        return switch (sponsor) { case "C" -> "pro-Beijing"; case "I" -> "pro-Iranian"; default -> "pro-Kremlin"; };
    }

    // ------------------------------------------------------------------ generators

    static Art background(Country c, LocalDateTime t) {
        String[] actor = pick(c.actors).split("\\|");
        List<String[]> nets = new ArrayList<>();
        for (String n : c.nets) { String[] p = n.split("\\|"); if (p[2].equals(actor[2])) nets.add(p); }
        String[] net = nets.isEmpty() ? pick(c.nets).split("\\|") : pick(nets);
        String netName = net[0].contains(",") ? net[0].substring(0, net[0].indexOf(',')) : net[0];

        double r = R.nextDouble();
        String type = r < 0.28 ? "coverage" : r < 0.60 ? "interference" : r < 0.78 ? "fraud" : "state";
        boolean stateOutlet = type.equals("state") || (type.equals("coverage") && R.nextDouble() < 0.12);
        Outlet o = OUTLETS.get(stateOutlet ? pick(c.state) : pick(c.wire));

        Map<String, String> v = new LinkedHashMap<>();
        v.put("CCAP", cap1(c.name));
        v.put("C", c.name);
        v.put("ADJ", c.adj);
        v.put("CAP", c.cap);
        v.put("BODY", c.body);
        v.put("VOTESHORT", c.voteShort);
        v.put("VOTE", c.vote);
        v.put("CTX", c.ctx);
        v.put("OPP", c.key.equals("US") ? "Activists and commentators" : "Opposition politicians");
        v.put("GOVCAP", cap1(noThe(c.gov)));
        v.put("GOV", c.gov);
        v.put("ISSUES", c.issues);
        v.put("STATIONS", c.stations == null ? "" : c.stations);
        v.put("ACTORSHORT", actor[1]);
        v.put("ACTOR", actor[0]);
        v.put("NETSHORT", net[1]);
        v.put("NETDESC", net[0]);
        v.put("NET", netName);
        v.put("PLATCO", pick(PLATCOS));
        v.put("PLAT", pick(PLATS));
        v.put("ORG", pick(ORGS));
        v.put("SMALLN", Integer.toString(between(12, 480)));
        v.put("N", fmt(between(12, 480) * 10));
        v.put("K", fmt(between(2, 250) * 1000));
        v.put("DAY", dayName(t));
        v.put("SRC", o.ref());
        v.put("STATEOUT", stateOutFor(actor[2]));
        v.put("SIDE", sideFor(actor[2]));

        String[] h;
        List<String> body = new ArrayList<>();
        switch (type) {
            case "coverage" -> {
                if (c.imminent && R.nextDouble() < 0.65) {
                    h = head(COVER_HEAD_IMMINENT);
                    body.addAll(List.of(COVER_BODY_IMMINENT));
                } else {
                    h = head(COVER_HEAD_GENERAL);
                }
                body.addAll(List.of(COVER_BODY));
                body.addAll(List.of(c.facts));
                if (R.nextBoolean()) body.add(pick(INTER_BODY));
            }
            case "interference" -> {
                h = head(INTER_HEAD);
                body.addAll(List.of(INTER_BODY));
                body.addAll(List.of(c.facts));
                body.add(pick(denialsFor(actor[2])));
                body.add(pick(denialsFor(actor[2])));
            }
            case "fraud" -> {
                boolean voteBuying = c.imminent && !c.key.equals("US");   // cash-for-votes stories fit Moldova, Georgia, Romania, Brazil
                h = head(voteBuying && R.nextDouble() < 0.25 ? FRAUD_HEAD_IMMINENT : FRAUD_HEAD);
                body.addAll(List.of(FRAUD_BODY));
                body.addAll(List.of(c.facts));
                body.add(pick(INTER_BODY));
            }
            default -> {
                h = head(c.imminent ? STATE_HEAD_IMMINENT : STATE_HEAD_GENERAL);
                body.addAll(List.of(STATE_BODY));
                body.addAll(List.of(c.claims));
                body.addAll(List.of(c.claims));   // weight the country-specific claims
                if (R.nextBoolean()) body.add(pick(c.facts));
            }
        }
        String title = h[0], lead = h[1];
        Art a = new Art();
        a.t = t;
        a.kind = "bg-" + type + "-" + c.key;
        a.source = o.name();
        a.title = cap1(fill(title, v));
        a.text = compose(lead, new ArrayList<>(new LinkedHashSet<>(body)), v);
        a.seq = seqCounter++;
        a.urlOutlet = o.key();
        a.section = c.section;
        return a;
    }

    static Art surge(LocalDateTime t) {
        boolean state = R.nextDouble() < 0.3;
        String[] wire = {"reuters", "reuters", "ap", "ap", "bbc", "guardian", "dw", "dw", "f24", "rferl", "rferl", "rferl", "politico", "kyiv"};
        String[] st = {"rt", "rt", "sputnik", "sputnik", "tass"};
        Outlet o = OUTLETS.get(state ? pick(st) : pick(wire));
        Map<String, String> v = new LinkedHashMap<>();
        String[] h = head(state ? SURGE_HEAD_STATE : SURGE_HEAD_WIRE);
        String title = h[0], lead = h[1];
        if (!state && o.key().equals("reuters") && R.nextBoolean()) title = "UPDATE " + between(1, 3) + "-" + title;
        List<String> body = new ArrayList<>(List.of(state ? SURGE_BODY_STATE : SURGE_BODY_WIRE));
        if (state) body.add(pick(SURGE_BODY_WIRE)); else body.add(pick(SURGE_BODY_STATE));
        Art a = new Art();
        a.t = t;
        a.kind = "surge";
        a.source = o.name();
        a.title = title;
        a.text = compose(lead, body, v);
        a.seq = seqCounter++;
        a.urlOutlet = o.key();
        a.section = "europe";
        return a;
    }

    static Art irrelevant(Topic tp, LocalDateTime t) {
        Map<String, String> v = new LinkedHashMap<>();
        String[] group = pick(TEAMS);
        String t1 = pick(group), t2;
        do { t2 = pick(group); } while (t2.equals(t1));
        int s1 = between(1, 4);
        v.put("T1", t1);
        v.put("T2", t2);
        v.put("S1", Integer.toString(s1));
        v.put("S2", Integer.toString(between(0, s1 - 1)));
        v.put("CROWD", fmt(between(18, 78) * 1000));
        v.put("REGION", pick(REGIONS));
        v.put("MM", Integer.toString(between(40, 180)));
        v.put("P", String.format(Locale.ROOT, "%.1f", between(2, 19) / 10.0));
        v.put("BRENT", String.format(Locale.ROOT, "%.2f", 72 + between(0, 600) / 100.0));
        v.put("PRICE", "\u00a3" + fmt(between(8, 95) * 1000));
        v.put("DAY", dayName(t));
        Outlet o = OUTLETS.get(pick(tp.outlets()));
        Art a = new Art();
        a.t = t;
        a.kind = "irrelevant-" + tp.name();
        a.source = o.name();
        String[] head = pick(tp.heads());
        a.title = cap1(fill(head[0], v));
        a.text = compose(head[1], List.of(tp.bodies()), v);
        a.seq = seqCounter++;
        a.urlOutlet = o.key();
        a.section = tp.section();
        return a;
    }

    // ------------------------------------------------------------------ JSON

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.toString();
    }

    static String json(Art a) {
        return "{\"url\":\"" + esc(a.url) + "\",\"source\":\"" + esc(a.source) + "\",\"title\":\"" + esc(a.title)
                + "\",\"text\":\"" + esc(a.text) + "\",\"language\":\"en\",\"published_at\":\"" + TS.format(a.t) + "\"}";
    }

    // ------------------------------------------------------------------ main

    public static void main(String[] args) {
        List<Art> all = new ArrayList<>();

        // 1. the surge: Moldova, 2024-10-18 14:00-15:59 UTC
        for (int h = 0; h < SURGE_HOURS; h++) {
            for (int i = 0; i < SURGE_PER_HOUR; i++) {
                LocalDateTime t = SURGE_START.plusHours(h).plusMinutes(R.nextInt(60));
                Art a = surge(t);
                List<String> m = mentions(a.title, a.text);
                if (!m.equals(List.of("MD"))) throw new IllegalStateException("surge article mentions " + m + ": " + a.text);
                count(m, t);
                accept(a, all);
            }
        }

        // 2. background election coverage, capped per country-hour
        for (Country c : COUNTRIES) {
            for (int i = 0; i < c.quota; i++) {
                for (int attempt = 0; ; attempt++) {
                    if (attempt > 500) throw new IllegalStateException("cannot place background article for " + c.key);
                    LocalDateTime t = randomTime(c.utcOffset);
                    Art a = background(c, t);
                    List<String> m = mentions(a.title, a.text);
                    String plain = noThe(c.name).toLowerCase(Locale.ROOT);
                    if (!(a.title + " " + a.text).toLowerCase(Locale.ROOT).contains(plain)) continue;  // must name its country
                    if (!fits(m, t, false)) continue;
                    count(m, t);
                    accept(a, all);
                    break;
                }
            }
        }

        // 3. irrelevant articles (sports, weather, markets, a military campaign, recipes, china plates)
        for (int k = 0; k < TOPICS.size(); k++) {
            for (int i = 0; i < TOPIC_COUNTS[k]; i++) {
                for (int attempt = 0; ; attempt++) {
                    if (attempt > 500) throw new IllegalStateException("cannot place irrelevant article");
                    LocalDateTime t = randomTime(2);
                    if (TOPICS.get(k).name().equals("markets") && t.getDayOfWeek() == DayOfWeek.SATURDAY) continue;  // no trading
                    Art a = irrelevant(TOPICS.get(k), t);
                    List<String> m = mentions(a.title, a.text);
                    if (!fits(m, t, false)) continue;
                    count(m, t);
                    accept(a, all);
                    break;
                }
            }
        }

        // 4. three re-published duplicates with a tracking suffix (same canonical URL)
        List<Art> candidates = new ArrayList<>();
        for (Art a : all) if (a.kind.startsWith("bg-") && !a.url.contains("?") && (a.source.equals("Reuters") || a.source.equals("Associated Press") || a.source.equals("BBC News"))) candidates.add(a);
        int made = 0;
        Set<Integer> used = new HashSet<>();
        while (made < DUPLICATES) {
            int idx = R.nextInt(candidates.size());
            if (!used.add(idx)) continue;
            Art src = candidates.get(idx);
            LocalDateTime t = src.t.plusMinutes(between(10, 50));
            if (!t.toLocalDate().isBefore(START.plusDays(DAYS))) continue;
            List<String> m = mentions(src.title, src.text);
            if (!fits(m, t, false)) continue;
            count(m, t);
            Art d = new Art();
            d.t = t; d.kind = "duplicate"; d.source = src.source; d.title = src.title; d.text = src.text;
            d.url = src.url + "?utm_source=feed";
            d.seq = seqCounter++;
            all.add(d);
            made++;
        }

        // 5. chronological order, then ~5% mildly out of order (adjacent swaps, at most 20 minutes apart)
        all.sort(Comparator.comparing((Art a) -> a.t).thenComparingInt(a -> a.seq));
        int swaps = 0;
        for (int i = 0; i + 1 < all.size() && swaps < SWAPS_TARGET; i++) {
            long gap = ChronoUnit.MINUTES.between(all.get(i).t, all.get(i + 1).t);
            if (gap >= 1 && gap <= 20 && R.nextDouble() < 0.12) {
                Collections.swap(all, i, i + 1);
                swaps++;
                i++;   // never touch a swapped pair again
            }
        }

        // 6. serialise; insert the two deliberately bad lines at fixed positions
        List<String> lines = new ArrayList<>();
        for (Art a : all) lines.add(json(a));
        lines.add(BAD_LINE_1 - 1,
                "{\"url\":\"https://www.rferl.org/a/moldova-electoral-commission-complaints/33160417.html\",\"source\":\"RFE/RL\","
                        + "\"title\":\"Moldova's electoral commission reviews complaints\",\"text\":\"The Central Electoral Commission said on");
        String prevTs = all.get(BAD_LINE_2 - 3).t.format(TS);   // timestamp of the line just before it (one bad line already inserted)
        lines.add(BAD_LINE_2 - 1,
                "{\"source\":\"Unknown feed\",\"title\":\"\",\"text\":\"\",\"language\":\"en\",\"published_at\":\"" + prevTs + "\"}");

        StringBuilder out = new StringBuilder();
        for (String l : lines) out.append(l).append('\n');
        PrintStream ps = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        ps.print(out);
        ps.flush();
        System.err.println("wrote " + lines.size() + " lines (" + swaps + " out-of-order swaps)");
    }

    static void accept(Art a, List<Art> all) {
        a.url = uniqueUrl(a.urlOutlet, a.title, a.t, a.section);
        all.add(a);
    }
}
