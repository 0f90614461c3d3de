/**
 * Given names and the nicknames people use for them (on port authorisations, in notes). The
 * first nickname is the most common one.
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Robert: ['Bob', 'Rob', 'Bobby'],
  William: ['Bill', 'Will', 'Billy'],
  Richard: ['Rick', 'Dick', 'Rich'],
  James: ['Jim', 'Jimmy', 'Jamie'],
  John: ['Jack', 'Johnny'],
  Michael: ['Mike', 'Mikey'],
  Thomas: ['Tom', 'Tommy'],
  Joseph: ['Joe', 'Joey'],
  Charles: ['Chuck', 'Charlie'],
  Christopher: ['Chris', 'Topher'],
  Daniel: ['Dan', 'Danny'],
  Matthew: ['Matt'],
  Anthony: ['Tony'],
  Edward: ['Ed', 'Ted', 'Eddie'],
  Steven: ['Steve'],
  Andrew: ['Andy', 'Drew'],
  Jonathan: ['Jon'],
  Benjamin: ['Ben'],
  Nicholas: ['Nick'],
  Alexander: ['Alex', 'Sasha'],
  Samuel: ['Sam'],
  Francisco: ['Paco', 'Pancho'],
  José: ['Pepe'],
  Alejandro: ['Alex'],
  Margaret: ['Peggy', 'Maggie', 'Meg'],
  Elizabeth: ['Liz', 'Beth', 'Betty'],
  Jennifer: ['Jen', 'Jenny'],
  Katherine: ['Kate', 'Kathy', 'Katie'],
  Patricia: ['Pat', 'Patty', 'Trish'],
  Susan: ['Sue', 'Susie'],
  Deborah: ['Debbie', 'Deb'],
  Rebecca: ['Becky'],
  Victoria: ['Vicky', 'Tori'],
  Christine: ['Chris', 'Tina'],
  Barbara: ['Barb'],
  Dorothy: ['Dot', 'Dottie'],
  Jessica: ['Jess'],
  Samantha: ['Sam'],
  Abigail: ['Abby'],
  Guadalupe: ['Lupe'],
  Dolores: ['Lola'],
  Yekaterina: ['Katya'],
};

/** The nicknames of a given name (empty if none is known). */
export function nicknamesOf(givenName: string): readonly string[] {
  return NICKNAMES[givenName] ?? [];
}
