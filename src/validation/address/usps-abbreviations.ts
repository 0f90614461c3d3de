/**
 * USPS Publication 28 abbreviations: street suffixes (Appendix C1, the common ones with their
 * usual variants), secondary unit designators (C2), directionals and state codes.
 */

/** Street suffix word or variant (upper case) -> USPS standard abbreviation. */
export const STREET_SUFFIXES: ReadonlyMap<string, string> = buildMap({
  ALY: ['ALLEY', 'ALLEE', 'ALLY'], ANX: ['ANNEX', 'ANEX', 'ANNX'], ARC: ['ARCADE'], AVE: ['AVENUE', 'AV', 'AVEN', 'AVENU', 'AVN', 'AVNUE'],
  BYU: ['BAYOU', 'BAYOO'], BCH: ['BEACH'], BND: ['BEND'], BLF: ['BLUFF', 'BLUF'], BTM: ['BOTTOM', 'BOT', 'BOTTM'],
  BLVD: ['BOULEVARD', 'BOUL', 'BOULV', 'BLV'], BR: ['BRANCH', 'BRNCH'], BRG: ['BRIDGE', 'BRDGE'], BRK: ['BROOK'],
  BG: ['BURG'], BYP: ['BYPASS', 'BYPA', 'BYPAS', 'BYPS'], CP: ['CAMP', 'CMP'], CYN: ['CANYON', 'CANYN', 'CNYN'],
  CPE: ['CAPE'], CSWY: ['CAUSEWAY', 'CAUSWA'], CTR: ['CENTER', 'CEN', 'CENT', 'CENTR', 'CENTRE', 'CNTER', 'CNTR'],
  CIR: ['CIRCLE', 'CIRC', 'CIRCL', 'CRCL', 'CRCLE'], CLF: ['CLIFF'], CLFS: ['CLIFFS'], CLB: ['CLUB'], CMN: ['COMMON'],
  COR: ['CORNER'], CORS: ['CORNERS'], CRSE: ['COURSE'], CT: ['COURT', 'CRT'], CTS: ['COURTS'], CV: ['COVE'],
  CRK: ['CREEK', 'CK', 'CR'], CRES: ['CRESCENT', 'CRSENT', 'CRSNT'], XING: ['CROSSING', 'CRSSNG'], DL: ['DALE'],
  DM: ['DAM'], DV: ['DIVIDE', 'DIV', 'DVD'], DR: ['DRIVE', 'DRIV', 'DRV'], DRS: ['DRIVES'], EST: ['ESTATE'],
  ESTS: ['ESTATES'], EXPY: ['EXPRESSWAY', 'EXP', 'EXPR', 'EXPRESS', 'EXPW'], EXT: ['EXTENSION', 'EXTN', 'EXTNSN'],
  FLS: ['FALLS'], FRY: ['FERRY', 'FRRY'], FLD: ['FIELD'], FLDS: ['FIELDS'], FLT: ['FLAT'], FLTS: ['FLATS'],
  FRD: ['FORD'], FRST: ['FOREST', 'FORESTS'], FRG: ['FORGE', 'FORG'], FRK: ['FORK'], FRKS: ['FORKS'], FT: ['FORT', 'FRT'],
  FWY: ['FREEWAY', 'FREEWY', 'FRWAY', 'FRWY'], GDN: ['GARDEN', 'GARDN', 'GRDEN', 'GRDN'], GDNS: ['GARDENS', 'GRDNS'],
  GTWY: ['GATEWAY', 'GATEWY', 'GATWAY', 'GTWAY'], GLN: ['GLEN'], GRN: ['GREEN'], GRV: ['GROVE', 'GROV'],
  HBR: ['HARBOR', 'HARB', 'HARBR', 'HRBOR'], HVN: ['HAVEN'], HTS: ['HEIGHTS', 'HT'], HWY: ['HIGHWAY', 'HIGHWY', 'HIWAY', 'HIWY', 'HWAY'],
  HL: ['HILL'], HLS: ['HILLS'], HOLW: ['HOLLOW', 'HLLW', 'HOLLOWS', 'HOLWS'], INLT: ['INLET'], IS: ['ISLAND', 'ISLND'],
  ISS: ['ISLANDS', 'ISLNDS'], ISLE: ['ISLES'], JCT: ['JUNCTION', 'JCTION', 'JCTN', 'JUNCTN', 'JUNCTON'], KY: ['KEY'],
  KNL: ['KNOLL', 'KNOL'], KNLS: ['KNOLLS'], LK: ['LAKE'], LKS: ['LAKES'], LNDG: ['LANDING', 'LNDNG'], LN: ['LANE'],
  LGT: ['LIGHT'], LF: ['LOAF'], LCK: ['LOCK'], LCKS: ['LOCKS'], LDG: ['LODGE', 'LDGE', 'LODG'], LOOP: ['LOOPS'],
  MALL: [], MNR: ['MANOR'], MNRS: ['MANORS'], MDW: ['MEADOW'], MDWS: ['MEADOWS', 'MEDOWS'], ML: ['MILL'], MLS: ['MILLS'],
  MSN: ['MISSION', 'MISSN', 'MSSN'], MTWY: ['MOTORWAY'], MT: ['MOUNT', 'MNT'], MTN: ['MOUNTAIN', 'MNTAIN', 'MNTN', 'MOUNTIN', 'MTIN'],
  NCK: ['NECK'], ORCH: ['ORCHARD', 'ORCHRD'], OVAL: ['OVL'], PARK: ['PRK', 'PARKS'], PKWY: ['PARKWAY', 'PARKWY', 'PKWAY', 'PKY', 'PARKWAYS', 'PKWYS'],
  PASS: [], PATH: ['PATHS'], PIKE: ['PIKES'], PNE: ['PINE'], PNES: ['PINES'], PL: ['PLACE'], PLN: ['PLAIN'], PLNS: ['PLAINS'],
  PLZ: ['PLAZA', 'PLZA'], PT: ['POINT'], PTS: ['POINTS'], PRT: ['PORT'], PR: ['PRAIRIE', 'PRR'], RADL: ['RADIAL', 'RAD', 'RADIEL'],
  RNCH: ['RANCH', 'RANCHES', 'RNCHS'], RPD: ['RAPID'], RPDS: ['RAPIDS'], RST: ['REST'], RDG: ['RIDGE', 'RDGE'], RDGS: ['RIDGES'],
  RIV: ['RIVER', 'RVR', 'RIVR'], RD: ['ROAD'], RDS: ['ROADS'], RTE: ['ROUTE'], ROW: [], RUN: [], SHL: ['SHOAL'], SHLS: ['SHOALS'],
  SHR: ['SHORE', 'SHOAR'], SHRS: ['SHORES', 'SHOARS'], SKWY: ['SKYWAY'], SPG: ['SPRING', 'SPNG', 'SPRNG'], SPGS: ['SPRINGS', 'SPNGS', 'SPRNGS'],
  SQ: ['SQUARE', 'SQR', 'SQRE', 'SQU'], STA: ['STATION', 'STATN', 'STN'], STRA: ['STRAVENUE', 'STRAV', 'STRAVEN', 'STRAVN', 'STRVN', 'STRVNUE'],
  STRM: ['STREAM', 'STREME'], ST: ['STREET', 'STRT', 'STR'], STS: ['STREETS'], SMT: ['SUMMIT', 'SUMIT', 'SUMITT'],
  TER: ['TERRACE', 'TERR'], TRWY: ['THROUGHWAY'], TRCE: ['TRACE', 'TRACES'], TRAK: ['TRACK', 'TRACKS', 'TRK', 'TRKS'],
  TRFY: ['TRAFFICWAY'], TRL: ['TRAIL', 'TRAILS', 'TRLS'], TUNL: ['TUNNEL', 'TUNEL', 'TUNLS', 'TUNNELS', 'TUNNL'],
  TPKE: ['TURNPIKE', 'TRNPK', 'TURNPK'], UPAS: ['UNDERPASS'], UN: ['UNION'], VLY: ['VALLEY', 'VALLY', 'VLLY'],
  VIA: ['VIADUCT', 'VDCT', 'VIADCT'], VW: ['VIEW'], VLG: ['VILLAGE', 'VILL', 'VILLAG', 'VILLG', 'VILLIAGE'], VL: ['VILLE'],
  VIS: ['VISTA', 'VIST', 'VST', 'VSTA'], WALK: ['WALKS'], WAY: ['WY'], WL: ['WELL'], WLS: ['WELLS'],
});

/** Secondary unit designator (upper case, variants included) -> USPS standard abbreviation. */
export const UNIT_DESIGNATORS: ReadonlyMap<string, string> = buildMap({
  APT: ['APARTMENT', 'APPT', 'AP'], BLDG: ['BUILDING', 'BLD', 'BDG'], BSMT: ['BASEMENT'], DEPT: ['DEPARTMENT'],
  FL: ['FLOOR', 'FLR'], FRNT: ['FRONT'], HNGR: ['HANGER', 'HANGAR'], KEY: [], LBBY: ['LOBBY'], LOT: [], LOWR: ['LOWER'],
  OFC: ['OFFICE'], PH: ['PENTHOUSE'], PIER: [], REAR: [], RM: ['ROOM'], SIDE: [], SLIP: [], SPC: ['SPACE'], STOP: [],
  STE: ['SUITE', 'SUIT'], TRLR: ['TRAILER'], UNIT: ['UNT', '#', 'NO', 'NUM'], UPPR: ['UPPER'],
});

/** Unit designators that stand alone without a number. */
export const UNIT_DESIGNATORS_WITHOUT_NUMBER: ReadonlySet<string> = new Set(['BSMT', 'FRNT', 'LBBY', 'LOWR', 'OFC', 'PH', 'REAR', 'SIDE', 'UPPR']);

/** Directional word or abbreviation -> USPS abbreviation. */
export const DIRECTIONALS: ReadonlyMap<string, string> = buildMap({
  N: ['NORTH'], S: ['SOUTH'], E: ['EAST'], W: ['WEST'],
  NE: ['NORTHEAST', 'NORTH-EAST'], NW: ['NORTHWEST', 'NORTH-WEST'], SE: ['SOUTHEAST', 'SOUTH-EAST'], SW: ['SOUTHWEST', 'SOUTH-WEST'],
});

/** US state and territory names (upper case) -> two-letter USPS code; codes map to themselves. */
export const US_STATES: ReadonlyMap<string, string> = buildMap({
  AL: ['ALABAMA'], AK: ['ALASKA'], AZ: ['ARIZONA'], AR: ['ARKANSAS'], CA: ['CALIFORNIA', 'CALIF'], CO: ['COLORADO'],
  CT: ['CONNECTICUT', 'CONN'], DE: ['DELAWARE'], DC: ['DISTRICT OF COLUMBIA', 'D.C.'], FL: ['FLORIDA', 'FLA'], GA: ['GEORGIA'],
  HI: ['HAWAII'], ID: ['IDAHO'], IL: ['ILLINOIS'], IN: ['INDIANA'], IA: ['IOWA'], KS: ['KANSAS'], KY: ['KENTUCKY'],
  LA: ['LOUISIANA'], ME: ['MAINE'], MD: ['MARYLAND'], MA: ['MASSACHUSETTS', 'MASS'], MI: ['MICHIGAN'], MN: ['MINNESOTA'],
  MS: ['MISSISSIPPI'], MO: ['MISSOURI'], MT: ['MONTANA'], NE: ['NEBRASKA'], NV: ['NEVADA'], NH: ['NEW HAMPSHIRE'],
  NJ: ['NEW JERSEY'], NM: ['NEW MEXICO'], NY: ['NEW YORK'], NC: ['NORTH CAROLINA'], ND: ['NORTH DAKOTA'], OH: ['OHIO'],
  OK: ['OKLAHOMA'], OR: ['OREGON'], PA: ['PENNSYLVANIA', 'PENN'], RI: ['RHODE ISLAND'], SC: ['SOUTH CAROLINA'],
  SD: ['SOUTH DAKOTA'], TN: ['TENNESSEE', 'TENN'], TX: ['TEXAS'], UT: ['UTAH'], VT: ['VERMONT'], VA: ['VIRGINIA'],
  WA: ['WASHINGTON'], WV: ['WEST VIRGINIA'], WI: ['WISCONSIN'], WY: ['WYOMING'], PR: ['PUERTO RICO'], GU: ['GUAM'],
  VI: ['VIRGIN ISLANDS', 'US VIRGIN ISLANDS'], AS: ['AMERICAN SAMOA'], MP: ['NORTHERN MARIANA ISLANDS'],
  AA: [], AE: [], AP: [],
});

/** Ordinal words -> numeric ordinals, for street names such as "First Avenue". */
export const ORDINALS: ReadonlyMap<string, string> = new Map([
  ['FIRST', '1ST'], ['SECOND', '2ND'], ['THIRD', '3RD'], ['FOURTH', '4TH'], ['FIFTH', '5TH'], ['SIXTH', '6TH'],
  ['SEVENTH', '7TH'], ['EIGHTH', '8TH'], ['NINTH', '9TH'], ['TENTH', '10TH'], ['ELEVENTH', '11TH'], ['TWELFTH', '12TH'],
]);

function buildMap(table: Readonly<Record<string, readonly string[]>>): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [standard, variants] of Object.entries(table)) {
    map.set(standard, standard);
    for (const v of variants) map.set(v, standard);
  }
  return map;
}
