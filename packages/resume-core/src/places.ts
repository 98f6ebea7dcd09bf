import cityTimezones from "city-timezones";

/**
 * A small gazetteer: enough to tell "Austin, TX" or "Berlin, Germany" (a location) from
 * "Software Engineer, Globex" (a role) in resume headers. The last comma part of a location names
 * a state, province or country.
 */
const remotePattern = /^(?:remote|hybrid|on-?site)(?:\s*\(.*\))?$/i;
const zipSuffix = /\s+\d{4,6}(?:-\d{4})?$/;

/** State and province codes: matched only as written in capitals ("IN", "OR", "ME" are also words). */
export const REGION_CODES = new Set(
  (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH " +
    "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AB BC MB NB NL NS NT NU ON PE QC SK YT NSW VIC QLD SA TAS ACT"
  ).split(" "),
);

const REGION_NAMES = new Set(
  [
    // United States
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho",
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota",
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina",
    "North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas",
    "Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia",
    // Canada, Australia
    "Ontario|Quebec|British Columbia|Alberta|Manitoba|Nova Scotia|Saskatchewan|New South Wales|Victoria|Queensland",
    // Countries
    "USA|US|U.S|U.S.A|United States|UK|U.K|United Kingdom|England|Scotland|Wales|Ireland|Northern Ireland|Canada",
    "Australia|New Zealand|Germany|France|Spain|Portugal|Italy|Netherlands|The Netherlands|Belgium|Luxembourg",
    "Switzerland|Austria|Sweden|Norway|Denmark|Finland|Iceland|Poland|Czech Republic|Czechia|Slovakia|Hungary",
    "Romania|Bulgaria|Greece|Turkey|Ukraine|Estonia|Latvia|Lithuania|Croatia|Serbia|Slovenia|Israel|UAE",
    "United Arab Emirates|Saudi Arabia|Qatar|Egypt|Morocco|Nigeria|Kenya|Ghana|South Africa|India|Pakistan",
    "Bangladesh|Sri Lanka|Nepal|China|Hong Kong|Taiwan|Japan|South Korea|Korea|Singapore|Malaysia|Indonesia",
    "Philippines|Vietnam|Thailand|Mexico|Brazil|Argentina|Chile|Colombia|Peru|Uruguay|Costa Rica",
    // Countries as German, Spanish and French write them
    "Deutschland|Österreich|Schweiz|Frankreich|Spanien|Italien|Niederlande|Belgien|Vereinigtes Königreich",
    "Alemania|Austria|Suiza|Francia|España|Italia|Países Bajos|Bélgica|Reino Unido|Estados Unidos|México",
    "Allemagne|Autriche|Suisse|Espagne|Italie|Pays-Bas|Belgique|Royaume-Uni|États-Unis|Mexique",
  ]
    .flatMap((group) => group.split("|"))
    .map((name) => name.toLowerCase()),
);

/**
 * Cities as their own people write them where the gazetteer has only the English name ("Köln" for
 * Cologne, "Warszawa" for Warsaw), and large cities it lacks ("Zapopan", "Aachen").
 */
const LOCAL_CITY_NAMES = [
  "Köln|München|Wien|Genf|Genève|Frankfurt am Main|Nürnberg|Aachen|Würzburg|Braunschweig",
  "Sevilla|A Coruña|Donostia|Gijón|Zapopan|Tlaquepaque|Ciudad de México|CDMX|Lisboa",
  "Milano|Roma|Napoli|Torino|Firenze|Venezia|Genova|Bruxelles|Brussel|Den Haag|'s-Gravenhage",
  "Praha|Warszawa|Łódź|Wrocław|Athína|București|Beograd|Moskva|Kyiv",
].flatMap((group) => group.split("|"));

/**
 * Cities of 100,000 people or more (Natural Earth's populated places, through city-timezones), by
 * name as written locally and in ASCII: "Lyon", "Madrid", "Busan". Read only as the last part of a
 * header line after an employer ("Voyagélia, Lyon"), never on their own.
 */
const CITIES = new Set(
  [
    ...cityTimezones.cityMapping
      .filter((place) => place.pop >= 100_000)
      .flatMap((place) => [place.city, place.city_ascii]),
    ...LOCAL_CITY_NAMES,
  ].map(cityKey),
);

/** Accents and case do not tell cities apart: "Málaga" is "Malaga", "São Paulo" "Sao Paulo". */
function cityKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function isCity(name: string): boolean {
  return CITIES.has(cityKey(name));
}
/** "Phoenix, Inc.": a company's legal form, not a region after a city. */
const LEGAL_FORM = /^(?:inc|llc|llp|ltd|limited|corp|corporation|co|company|gmbh|ag|plc|sa|bv|group)\.?$/i;
/** "(remote)", "(hybrid)" after a place: how the role was worked, part of where. */
const WORK_MODE = /\s*\((?:remote|hybrid|on-?site)\)$/i;

export function isRegion(text: string): boolean {
  const name = text.replace(zipSuffix, "").replace(/\.$/, "");
  return REGION_CODES.has(name) || REGION_NAMES.has(name.toLowerCase());
}

/**
 * True for "Austin, TX", "Austin, TX 78701", "London, UK", "Toronto, ON, Canada", "Remote".
 * Street parts ("123 Main St, Springfield, IL") are allowed before the city.
 */
export function isLocation(text: string): boolean {
  const trimmed = text.trim();
  if (remotePattern.test(trimmed)) return true;
  const parts = trimmed.split(/\s*,\s*/);
  if (parts.length < 2 || parts.length > 4) return false;
  const city = parts[parts.length - 2] ?? "";
  return isRegion(parts[parts.length - 1] ?? "") && /^\p{Lu}[\p{L}.'’ -]{0,40}$/u.test(city);
}

/** Drops street parts from a location: "123 Main St, Springfield, IL 62704" → "Springfield, IL 62704". */
export function cityAndRegion(location: string): string {
  const parts = location.split(/\s*,\s*/);
  let first = 0;
  while (parts.length - first > 2 && /\d/.test(parts[first] ?? "")) first++;
  return parts.slice(first).join(", ");
}

/** "Lyon", "Georgia", "Austin, TX", "Guadalajara, Jalisco", "Remote": a place this gazetteer knows. */
export function isKnownPlace(text: string): boolean {
  const trimmed = text.trim();
  if (isLocation(trimmed) || isRegion(trimmed) || isCity(trimmed)) return true;
  const [city = "", region, ...more] = trimmed.split(/\s*,\s*/);
  return more.length === 0 && region !== undefined && isCity(city) && !LEGAL_FORM.test(region);
}

/**
 * Splits a trailing location off a comma list: "Acme Corp, Austin, TX" → "Acme Corp" + "Austin, TX";
 * "Toronto, ON, Canada" stays whole; with `bareCity`, a known city alone too ("Voyagélia, Lyon").
 * Returns no location when the tail is not a known place.
 */
export function splitTrailingLocation(
  text: string,
  { bareCity = false }: { bareCity?: boolean } = {},
): { rest: string; location?: string } {
  const trimmed = text.trim();
  if (remotePattern.test(trimmed)) return { rest: "", location: trimmed };
  const mode = WORK_MODE.exec(trimmed)?.[0] ?? "";
  const parts = trimmed.slice(0, trimmed.length - mode.length).split(/\s*,\s*/);
  const split = (size: number) => ({
    rest: parts.slice(0, parts.length - size).join(", "),
    location: `${parts.slice(-size).join(", ")}${mode}`,
  });
  if (parts.length >= 2 && isLocation(parts.slice(-2).join(", "))) {
    // "City, ST, Country": the part before the country is itself a region code or name (and the
    // last is no state code: in "Harrow LLP, New York, NY" the city is named like its state).
    const last = (parts.at(-1) ?? "").replace(zipSuffix, "");
    const withRegion = parts.length >= 3 && !REGION_CODES.has(last) && isRegion(parts.at(-2) ?? "");
    return split(withRegion ? 3 : 2);
  }
  // "Voyagélia, Lyon": a known city alone after the employer (not after a university, whose
  // campus it names: "University of California, Berkeley"), or with a region we do not list
  // ("Guadalajara, Jalisco").
  if (bareCity && parts.length >= 2) {
    if (isCity(parts.at(-1) ?? "")) return split(1);
    const [city = "", region = ""] = parts.slice(-2);
    if (isCity(city) && /^\p{Lu}[\p{L}.'’ -]{1,30}$/u.test(region) && !LEGAL_FORM.test(region))
      return split(2);
  }
  return { rest: trimmed };
}
