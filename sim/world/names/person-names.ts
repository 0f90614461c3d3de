/** Given names, a mix of origins as in a US customer base; some carry diacritics. */
export const GIVEN_NAMES: readonly string[] = [
  'Robert', 'William', 'Richard', 'James', 'John', 'Michael', 'Thomas', 'Joseph', 'Charles', 'Christopher',
  'Daniel', 'Matthew', 'Anthony', 'Edward', 'Steven', 'Andrew', 'Jonathan', 'Benjamin', 'Nicholas', 'Alexander',
  'Samuel', 'Francisco', 'José', 'Alejandro', 'Margaret', 'Elizabeth', 'Jennifer', 'Katherine', 'Patricia',
  'Susan', 'Deborah', 'Rebecca', 'Victoria', 'Christine', 'Barbara', 'Dorothy', 'Jessica', 'Samantha', 'Abigail',
  'Guadalupe', 'Dolores', 'Yekaterina', 'Maria', 'Sofia', 'Isabella', 'Camila', 'Valentina', 'Lucía', 'Mateo',
  'Santiago', 'Diego', 'Luis', 'Carlos', 'Wei', 'Li', 'Mei', 'Hiroshi', 'Yuki', 'Min-jun', 'Ji-woo', 'Anh',
  'Thanh', 'Priya', 'Arjun', 'Rohan', 'Ananya', 'Aisha', 'Omar', 'Fatima', 'Mohammed', 'Kwame', 'Ngozi',
  'DeShawn', 'Jamal', 'Tanisha', 'Latoya', 'Malik', 'Imani', 'Zoë', 'Chloé', 'René', 'François', 'Björn',
  'Søren', 'Dmitri', 'Olga', 'Agnieszka', 'Wojciech', 'Siobhán', 'Seamus', 'Aoife', 'Emily', 'Olivia',
  'Emma', 'Ava', 'Mia', 'Harper', 'Liam', 'Noah', 'Ethan', 'Logan', 'Mason', 'Tyler', 'Brittany', 'Courtney',
];

/** Family names, with particles, apostrophes, hyphens and diacritics in realistic proportions. */
export const FAMILY_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson',
  'Garcia', 'Martinez', 'Rodriguez', 'Hernández', 'Lopez', 'Gonzalez', 'Pérez', 'Sánchez', 'Ramírez',
  'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Cruz', 'Reyes', 'Morales', 'Ortiz', 'Gutiérrez',
  'Nguyen', 'Tran', 'Le', 'Pham', 'Kim', 'Lee', 'Park', 'Choi', 'Wang', 'Li', 'Zhang', 'Chen', 'Liu',
  'Yamamoto', 'Tanaka', 'Sato', 'Patel', 'Shah', 'Singh', 'Kumar', 'Gupta', 'Khan', 'Ali', 'Hussain',
  "O'Brien", "O'Connor", "O'Neill", "D'Angelo", 'McDonald', 'MacKenzie', 'McAllister', 'Fitzgerald',
  'Kowalski', 'Nowak', 'Wiśniewski', 'Ivanov', 'Petrov', 'Müller', 'Schröder', 'Björklund', 'Johansson',
  'de la Cruz', 'Van der Berg', 'St. John', 'Smith-Jones', 'García-López', 'Okafor', 'Mensah', 'Abebe',
];

/** Business name stems and forms for organisation customers. */
export const BUSINESS_STEMS: readonly string[] = [
  'Blue Ridge', 'Summit', 'Pioneer', 'Lakeside', 'Riverbend', 'Golden Gate', 'Lone Star', 'Evergreen',
  'Harbor', 'Redwood', 'Cornerstone', 'Northstar', 'Keystone', 'Silver Creek', 'Prairie', 'Cascade',
  'Magnolia', 'Granite', 'Bayview', 'Oak Hollow', 'Sunrise', 'Liberty', 'Heritage', 'Frontier',
];

/** The trades of business customers. */
export const BUSINESS_TRADES: readonly string[] = [
  'Dental', 'Auto Repair', 'Bakery', 'Law Group', 'Logistics', 'Realty', 'Plumbing', 'Family Clinic',
  'Accounting', 'Landscaping', 'Coffee Co', 'Veterinary', 'Print Shop', 'Fitness', 'Pharmacy', 'Builders',
];

/** Legal forms appended to business names (empty for sole traders). */
export const BUSINESS_FORMS: readonly string[] = ['LLC', 'Inc.', 'Inc', 'Corp.', 'L.L.C.', 'Ltd', 'Co.', ''];
