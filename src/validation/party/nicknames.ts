/**
 * Common US given-name nicknames: formal name -> the short or familiar forms people use on
 * accounts and forms. Used to match "Bob Smith" with "Robert Smith" on port-in authorisations.
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  abigail: ['abby', 'abbie', 'gail'], abraham: ['abe', 'bram'], alan: ['al'], albert: ['al', 'bert', 'bertie'],
  alexander: ['alex', 'al', 'xander', 'sandy', 'lex', 'sasha'], alexandra: ['alex', 'alexa', 'sandra', 'sandy', 'lexi', 'ally'],
  alfred: ['al', 'alf', 'fred', 'freddie'], alice: ['allie', 'ally'], allison: ['allie', 'ally'], amanda: ['mandy', 'manda'],
  andrew: ['andy', 'drew'], angela: ['angie'], anthony: ['tony', 'ant'], antonio: ['tony', 'toni'], arthur: ['art', 'artie'],
  barbara: ['barb', 'barbie', 'babs'], benjamin: ['ben', 'benny', 'benji'], bernard: ['bernie'], beverly: ['bev'],
  bradley: ['brad'], bridget: ['biddy', 'bridie'], calvin: ['cal'], cameron: ['cam'], caroline: ['carrie', 'carol'],
  catherine: ['cathy', 'cat', 'kate', 'katie', 'cate'], charles: ['charlie', 'chuck', 'chas', 'chaz', 'chip'],
  charlotte: ['charlie', 'lottie', 'char'], christina: ['chris', 'tina', 'chrissy'], christine: ['chris', 'tina', 'chrissy'],
  christopher: ['chris', 'kit', 'topher'], clifford: ['cliff'], cynthia: ['cindy', 'cyndi'], daniel: ['dan', 'danny'],
  david: ['dave', 'davey'], deborah: ['debbie', 'deb', 'debby'], dennis: ['denny'], donald: ['don', 'donnie'],
  dorothy: ['dot', 'dottie', 'dolly'], douglas: ['doug'], edward: ['ed', 'eddie', 'ted', 'teddy', 'ned'],
  edwin: ['ed', 'eddie'], eleanor: ['ellie', 'nora', 'elle'], elizabeth: ['liz', 'lizzie', 'beth', 'betsy', 'betty', 'eliza', 'libby', 'bess', 'lisa'],
  emily: ['em', 'emmy'], eugene: ['gene'], frances: ['fran', 'frannie'], francis: ['frank', 'fran'], frank: ['frankie'],
  franklin: ['frank'], frederick: ['fred', 'freddie', 'fritz'], gabriel: ['gabe'], gabrielle: ['gabby', 'elle'],
  gerald: ['gerry', 'jerry'], geraldine: ['gerry', 'geri'], gregory: ['greg'], harold: ['hal', 'harry'], harry: ['hal'],
  henry: ['hank', 'harry', 'hal'], herbert: ['herb', 'bert'], isaac: ['ike'], isabel: ['izzy', 'bella', 'belle'],
  isabella: ['izzy', 'bella'], jacob: ['jake', 'jack'], james: ['jim', 'jimmy', 'jamie', 'jay'], janet: ['jan'],
  jacqueline: ['jackie'], jeffrey: ['jeff'], jennifer: ['jen', 'jenny', 'jenn'], jeremiah: ['jerry'], jeremy: ['jerry'],
  jessica: ['jess', 'jessie'], joanna: ['jo'], john: ['jack', 'johnny', 'jon'], jonathan: ['jon', 'jonny', 'nate'],
  joseph: ['joe', 'joey', 'jos'], josephine: ['jo', 'josie'], joshua: ['josh'], judith: ['judy', 'jude'], julia: ['julie', 'jules'],
  katherine: ['kathy', 'kate', 'katie', 'kay', 'kit', 'kitty'], kathleen: ['kathy', 'kate', 'katie'], kenneth: ['ken', 'kenny'],
  kimberly: ['kim'], lawrence: ['larry', 'lars'], leonard: ['leo', 'len', 'lenny'], leslie: ['les'], lillian: ['lily', 'lil'],
  louis: ['lou', 'louie'], louise: ['lou'], lucille: ['lucy'], margaret: ['peggy', 'meg', 'maggie', 'marge', 'margie', 'greta', 'peg', 'madge'],
  marjorie: ['marge', 'margie'], martha: ['marty', 'mattie'], martin: ['marty'], mary: ['molly', 'polly', 'mae', 'mamie'],
  matthew: ['matt', 'matty'], maureen: ['mo'], melissa: ['mel', 'missy', 'lissa'], michael: ['mike', 'mikey', 'mick', 'mickey'],
  michelle: ['shelly', 'michele', 'mickey'], mildred: ['millie'], mitchell: ['mitch'], nancy: ['nan'], natalie: ['nat'],
  nathan: ['nate', 'nat'], nathaniel: ['nate', 'nat', 'nathan'], nicholas: ['nick', 'nicky', 'nico'], nicole: ['nikki', 'nicky'],
  oliver: ['ollie'], pamela: ['pam'], patricia: ['pat', 'patty', 'patsy', 'trish', 'tricia'], patrick: ['pat', 'paddy'],
  peter: ['pete'], philip: ['phil', 'pip'], phillip: ['phil'], rachel: ['rach'], raymond: ['ray'], rebecca: ['becky', 'becca', 'reba'],
  richard: ['rick', 'rich', 'dick', 'ricky', 'richie'], robert: ['bob', 'bobby', 'rob', 'robbie', 'bert'], roberta: ['bobbie', 'robbie'],
  rodney: ['rod'], ronald: ['ron', 'ronnie'], rosemary: ['rose', 'rosie'], russell: ['russ'], samantha: ['sam', 'sammy'],
  samuel: ['sam', 'sammy'], sandra: ['sandy'], sarah: ['sally', 'sadie'], solomon: ['sol'], stanley: ['stan'],
  stephanie: ['steph', 'stephie'], stephen: ['steve', 'stevie'], steven: ['steve', 'stevie'], stuart: ['stu'], susan: ['sue', 'susie', 'suzy'],
  suzanne: ['sue', 'suzy'], terrence: ['terry'], theodore: ['ted', 'teddy', 'theo'], theresa: ['terry', 'tess', 'tessa', 'tracy'],
  thomas: ['tom', 'tommy'], timothy: ['tim', 'timmy'], valerie: ['val'], veronica: ['ronnie', 'vera'], victoria: ['vicky', 'tori', 'vic'],
  vincent: ['vince', 'vinny'], virginia: ['ginny', 'ginger'], walter: ['walt', 'wally'], wendell: ['wendy'], william: ['bill', 'billy', 'will', 'willie', 'liam'],
  winifred: ['winnie'], zachary: ['zach', 'zack'], adeline: ['addie'], agnes: ['aggie'], augustus: ['gus'], bartholomew: ['bart'],
  chester: ['chet'], clarence: ['clare'], cornelius: ['neil'], cyrus: ['cy'], delores: ['dee'], dolores: ['dee', 'lola'],
  ebenezer: ['eben'], ernest: ['ernie'], florence: ['flo'], gertrude: ['gertie', 'trudy'], gwendolyn: ['gwen', 'wendy'],
  harriet: ['hattie'], helen: ['nell', 'nellie'], ignatius: ['iggy'], jefferson: ['jeff'], lorraine: ['lori'], mathilda: ['tilly', 'mattie'],
  montgomery: ['monty'], ophelia: ['phelia'], percival: ['percy'], priscilla: ['cilla'], reginald: ['reggie', 'reg'],
  roland: ['rollie'], sylvester: ['sly'], wilhelmina: ['mina', 'willa'], ann: ['annie', 'nan'], anna: ['annie'], daniela: ['dani'],
  danielle: ['dani'], evelyn: ['evie'], gloria: ['glory'], maximilian: ['max'], maxwell: ['max'], ezekiel: ['zeke'],
  // Spanish and Russian familiar forms common on US accounts.
  francisco: ['paco', 'pancho', 'frank', 'cisco'], jose: ['pepe', 'joe'], alejandro: ['alex', 'ale'], guadalupe: ['lupe', 'lupita'],
  yekaterina: ['katya', 'katia', 'kate'], ekaterina: ['katya', 'katia'], aleksandr: ['sasha', 'alex'],
};

let index: Map<string, Set<string>> | undefined;

/** The formal names a given name may stand for, itself included (lower case). */
export function formalNamesOf(given: string): ReadonlySet<string> {
  if (index === undefined) {
    index = new Map();
    for (const [formal, nicks] of Object.entries(NICKNAMES)) {
      for (const n of [formal, ...nicks]) {
        let set = index.get(n);
        if (set === undefined) index.set(n, (set = new Set()));
        set.add(formal);
      }
    }
  }
  return index.get(given) ?? new Set([given]);
}

/** True when two given names are the same person's name through the nickname table. */
export function nicknameMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = formalNamesOf(a);
  for (const f of formalNamesOf(b)) if (fa.has(f)) return true;
  return false;
}

/** True when a lower-case word is a given name the nickname table knows (formal or familiar). */
export function isKnownGivenName(word: string): boolean {
  formalNamesOf(word);
  return index?.has(word) ?? false;
}
