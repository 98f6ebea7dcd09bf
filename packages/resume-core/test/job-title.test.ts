import { describe, expect, it } from "vitest";
import { jobTitleOf } from "../src/job-title.ts";

const title = (text: string) => jobTitleOf(text.split("\n"));

describe("jobTitleOf", () => {
  it("takes the part of a header line that names the role, not the employer, place or term after it", () => {
    expect(title("Backend Developer – Quillmoor Outfitters\nAbout us")).toBe("Backend Developer");
    expect(title("Pastry Cook | The Copper Kettle, Leeds")).toBe("Pastry Cook");
    expect(title("Research Intern, Robotics Lab – Spring 2028")).toBe("Research Intern, Robotics Lab");
    expect(title("Data Scientist @ Larkspur Labs\nAbout us")).toBe("Data Scientist");
  });

  it("passes over header lines that name only the employer and place", () => {
    expect(title("Nordwerk Logistik GmbH – Hamburg, hybrid\nLagerleiter (m/w/d)\nÜber uns")).toBe(
      "Lagerleiter",
    );
    expect(title("Fernhill Regional Hospital — Boise, ID\nNight Shift Charge Nurse\n")).toBe(
      "Night Shift Charge Nurse",
    );
  });

  it("reads the role a hiring sentence names when no header line names one", () => {
    expect(
      title(
        "Tidewater Freight is looking for a Senior Route Planner to own our dispatch tooling across three ports.",
      ),
    ).toBe("Senior Route Planner");
    expect(
      title("We're hiring an experienced Dental Hygienist who loves working with children and families."),
    ).toBe("Dental Hygienist");
    expect(title("Harbor Street Bakery seeks a Head Baker for our new location on the waterfront.")).toBe(
      "Head Baker",
    );
    expect(title("Our clinic is growing and we need a Medical Receptionist to greet patients.")).toBe(
      "Medical Receptionist",
    );
    expect(title("You need a valid licence to apply. Now hiring: Delivery Driver.")).toBe("Delivery Driver");
  });

  it("takes a labelled role line near the top over the header lines around it", () => {
    expect(title("Company: Acme Corp\nLocation: Remote\nJob Title: Scrum Master\nAbout the role")).toBe(
      "Scrum Master",
    );
    expect(title("Mercy Hospital is hiring!\n\nPosition: Registered Nurse, ICU\nShift: Nights")).toBe(
      "Registered Nurse, ICU",
    );
  });

  it("reads a header sentence for its cue, not as a title, and 'As a …, you' as naming the role", () => {
    expect(
      title("Job description\nWalgreens is seeking a Pharmacy Technician to support our pharmacists."),
    ).toBe("Pharmacy Technician");
    expect(title("Fresh Cuts Barbershop\nNow hiring: Barber\nBring your own clients.")).toBe("Barber");
    const prose = `Who we are\n${"Acme builds analytics tools for retailers and has grown to 200 people. ".repeat(2)}`;
    expect(title(`${prose}\nAs a Data Scientist, you will build forecasting models.`)).toBe("Data Scientist");
  });

  it("reads applications invited for a role, a label's opportunity, and a hiring line's shift", () => {
    expect(title("Now accepting applications for Cashier at our Main Street store.")).toBe("Cashier");
    expect(
      title("The City of Fairview is accepting applications for the position of Maintenance Worker II."),
    ).toBe("Maintenance Worker II");
    expect(title("Opportunity: Staff Accountant (Hybrid)\nLedgerline")).toBe("Staff Accountant");
    expect(title("Are you an experienced Bookkeeper? Join our small firm.")).toBe("Bookkeeper");
    expect(title("Are you a compassionate Registered Nurse looking for your next step?")).toBe(
      "Registered Nurse",
    );
    expect(title("Hiring: CNC Operator - 2nd shift\nAcme Machining")).toBe("CNC Operator");
  });

  it("drops a parenthesis that names what the role asks for, not the title's own initials", () => {
    expect(title("Becario/a de Marketing Digital (SEO/SEM)\nMadrid")).toBe("Becario/a de Marketing Digital");
    expect(title("Management Accountant (CIMA / ACCA qualified or finalist)\nAcme")).toBe(
      "Management Accountant",
    );
    expect(title("Licensed Practical Nurse (LPN/LVN)\nBriarwood")).toBe("Licensed Practical Nurse (LPN/LVN)");
    expect(title("Junior Graphic Designer (Packaging & Print)\nAcme")).toBe(
      "Junior Graphic Designer (Packaging & Print)",
    );
    expect(title("Electrician Apprentice (1st or 2nd Period)\nAcme")).toBe("Electrician Apprentice");
  });

  it("reads the title first on a labelled line, after a hiring cue alone on its line, and first on a title line", () => {
    expect(
      title(
        "Cedar Hollow Unified School District\n\nPosition: Middle School Mathematics Teacher (Grades 6–8) – 2025-26 School Year",
      ),
    ).toBe("Middle School Mathematics Teacher");
    expect(
      title(
        "Communauté de communes du Val d'Arvière\nRecrute\n\nUn(e) instructeur(trice) des autorisations du droit des sols\n",
      ),
    ).toBe("Instructeur(trice) des autorisations du droit des sols");
    expect(title("Cariste H/F – CACES R489 cat. 1A, 3 et 5\nLogistique Val de Seine")).toBe("Cariste");
  });

  it("drops where a German title's role works and what follows its gender marker, but not a trade's own 'für'", () => {
    expect(title("Chemielaborant (m/w/d) in der Qualitätskontrolle – Zweischichtbetrieb\nRheinauen")).toBe(
      "Chemielaborant",
    );
    expect(title("Kita Sonnenwiese gGmbH · Leipzig\n\nErzieher (m/w/d) für unseren Krippenbereich\n")).toBe(
      "Erzieher",
    );
    expect(title("Personalreferent (m/w/d) mit Schwerpunkt Entgeltabrechnung\nAcme GmbH")).toBe(
      "Personalreferent",
    );
    expect(title("Fachkraft für Lagerlogistik (m/w/d)\nAcme GmbH")).toBe("Fachkraft für Lagerlogistik");
    // The gender marker ends the title: what follows it is the stack, the place or the terms.
    expect(title("Senior Backend-Entwickler (m/w/d) Kotlin / Spring Boot\nAcme GmbH")).toBe(
      "Senior Backend-Entwickler",
    );
    expect(title("Technicien de maintenance (H/F) CDI Lyon\nAcme SAS")).toBe("Technicien de maintenance");
  });

  it("drops the terms and emoji around a title: brackets, a working time before it, hours after it", () => {
    expect(title("[Remote] Senior Python Developer\nAcme")).toBe("Senior Python Developer");
    expect(title("Full-Time Dental Assistant\nSmile Co")).toBe("Dental Assistant");
    expect(title("🚀 Senior Frontend Engineer (React) 🚀\nWe are")).toBe("Senior Frontend Engineer");
    expect(title("Bookkeeper (Part-Time, 20 hrs/week)\nMaple CPA")).toBe("Bookkeeper");
    expect(title("Forklift Operator 2nd Shift\nAcme")).toBe("Forklift Operator");
    expect(title("Night Shift Supervisor\nAcme")).toBe("Night Shift Supervisor");
  });

  it("reads 'Join Acme as our next …' and 'The … will' as naming the role", () => {
    const intro = "Acme helps 400 retailers price their stock, and our data volumes double every year.";
    expect(
      title(
        `Acme Analytics\n${intro.repeat(2)}\nJoin Acme as our next Senior Data Engineer and own pricing.`,
      ),
    ).toBe("Senior Data Engineer");
    expect(
      title(
        `Northwind Foods\nPosition summary: The Staff Accountant will own month-end close for two entities.`,
      ),
    ).toBe("Staff Accountant");
  });

  it("knows role nouns across trades, care and services", () => {
    for (const role of ["HR Generalist", "Phlebotomist", "Carpenter", "Security Guard", "Veterinarian"]) {
      expect(title(`About the job\n${role}\nFull-time`)).toBe(role);
    }
    // Named by an employer's line first, or only in a hiring sentence.
    for (const role of [
      "Scrum Master",
      "Speech-Language Pathologist",
      "Medical Coder",
      "Pet Groomer",
      "Glazier",
    ]) {
      expect(title(`Harrow & Finch\n${role}\nLeeds · Full-time`)).toBe(role);
      expect(title(`Harrow & Finch is hiring a ${role} to join our Leeds team.`)).toBe(role);
    }
  });

  it("drops what a header says about the post: pay, a requisition, place, cover, school year, markup", () => {
    const cases: [string, string][] = [
      ["Lead Pipefitter ($38–$46/hr)", "Lead Pipefitter"],
      ["Payroll Specialist (Req #48213)", "Payroll Specialist"],
      ["Senior Frontend Engineer, Checkout (Remote, EU)", "Senior Frontend Engineer, Checkout"],
      ["Opening: Staff Accountant (Joliet, IL)", "Staff Accountant"],
      ["Senior Accountant (Maternity Cover, 12 months)", "Senior Accountant"],
      [
        "Harrow Public Schools\nHigh School Chemistry Teacher (2027–28 school year)",
        "High School Chemistry Teacher",
      ],
      ["**Senior Data Engineer**\nHarrow & Finch", "Senior Data Engineer"],
      ["# Senior Data Engineer\nHarrow & Finch", "Senior Data Engineer"],
      ["[Urgent] Forklift Operator – 2nd Shift", "Forklift Operator"],
      ["Staff Accountant at Harrow & Finch", "Staff Accountant"],
      ["HVAC Service Technician – Lead\nHarrow Mechanical", "HVAC Service Technician – Lead"],
      ["Harrow GmbH sucht zum 1. März eine:n Buchhalter:in (m/w/d)", "Buchhalter:in"],
      ["📣 We're hiring! Senior Payroll Specialist", "Senior Payroll Specialist"],
    ];
    for (const [header, expected] of cases) expect(title(header)).toBe(expected);
  });

  it("keeps a title's own capitals: 'iOS Developer' is neither 'IOS' nor 'OS'", () => {
    expect(title("iOS Developer\nHarrow & Finch | Leeds")).toBe("iOS Developer");
    expect(title("Harrow & Finch is hiring an experienced iOS Developer to join us.")).toBe("iOS Developer");
    expect(title("Se precisa enfermero/a para la planta de cirugía")).toBe("Enfermero/a");
  });

  it("reads hiring sentences in German, Spanish and French", () => {
    const cases: [string, string][] = [
      [
        "Für unseren Standort in Köln suchen wir zum 1. März einen Finanzbuchhalter (m/w/d) in Vollzeit.",
        "Finanzbuchhalter",
      ],
      ["Wir suchen dich als Backend-Entwickler (w/m/d) für unser Team in Hamburg!", "Backend-Entwickler"],
      [
        "¿Te apasionan las ventas? En Grupo Solar buscamos un/a Comercial de Ventas para la zona de Sevilla.",
        "Comercial de Ventas",
      ],
      ["Se precisa enfermero/a para la unidad de cuidados intensivos de nuestro hospital.", "Enfermero/a"],
      ["Le Crédit Rhônalpin recrute un Chargé de clientèle (H/F) en CDI à Grenoble.", "Chargé de clientèle"],
    ];
    for (const [text, role] of cases) expect(title(`${text}\n\nIhre Aufgaben`)).toBe(role);
    expect(title("Buchhalter (m/w/d) in Vollzeit\nMüller GmbH, Köln")).toBe("Buchhalter");
    expect(title("Stellenangebot: Softwareentwickler Backend (m/w/d)\nStandort: München")).toBe(
      "Softwareentwickler Backend",
    );
    expect(title("Oferta de empleo: Enfermero/a de Cuidados Intensivos\nUbicación: Valencia")).toBe(
      "Enfermero/a de Cuidados Intensivos",
    );
  });

  it("finds the role a sentence names without a cue it knows, by its capitalized words and role noun", () => {
    const cases: [string, string][] = [
      ["Harbor Dental is growing! We're adding a Dental Assistant to our team of six.", "Dental Assistant"],
      [
        "The Office of Admissions invites applications for the position of Admissions Counselor.",
        "Admissions Counselor",
      ],
      [
        "Bluebird Schools seeks qualified candidates for the role of Special Education Teacher.",
        "Special Education Teacher",
      ],
      [
        "Reporting to the VP of Engineering, the Engineering Manager will lead two teams.",
        "Engineering Manager",
      ],
      [
        "Do you love retail? Lead our flagship store as Store Manager and grow a team of 20.",
        "Store Manager",
      ],
      ["Sous Chef wanted for busy gastropub in Leeds. Must have 2 years as a sous chef.", "Sous Chef"],
      [
        "Position Summary: The Maintenance Technician performs preventive maintenance.",
        "Maintenance Technician",
      ],
    ];
    for (const [text, role] of cases) expect(title(`${text}\nFull-time`)).toBe(role);
  });

  it("knows French and German role nouns and a leader's title between a job number and its shift", () => {
    expect(
      title(
        "Formavia Conseil\nMontpellier – CDI\n\nFormavia Conseil recrute un formateur bureautique (H/F) pour animer ses sessions.",
      ),
    ).toBe("Formateur bureautique");
    expect(title("Job ID 4417 | Warehouse Team Leader – Nights | Dandenong VIC")).toBe(
      "Warehouse Team Leader",
    );
    expect(title("Comptable H/F - CDI\nCabinet Durand · Paris")).toBe("Comptable");
    expect(title("Nous recherchons un(e) Chargé(e) de recrutement pour notre agence de Lille.")).toBe(
      "Chargé(e) de recrutement",
    );
    expect(title("Clínica Levante busca enfermero/a para su unidad de cuidados intensivos.")).toBe(
      "Enfermero/a",
    );
    expect(title("Elektroniker für Energie- und Gebäudetechnik (m/w/d)\nHamburg")).toBe(
      "Elektroniker für Energie- und Gebäudetechnik",
    );
  });

  it("drops a label, gender markers and a parenthesis of the job's terms, and falls back to the first line", () => {
    expect(title("Job title: Warehouse Supervisor (f/m/x)")).toBe("Warehouse Supervisor");
    expect(title("Data Analyst (Contract, 6 months)\nBrightline Retail")).toBe("Data Analyst");
    expect(title("Dental Hygienist (Part-Time)\nSmile Dental")).toBe("Dental Hygienist");
    expect(title("Junior Graphic Designer (Packaging & Print)\nOlivar")).toBe(
      "Junior Graphic Designer (Packaging & Print)",
    );
    expect(
      title("IRONWORKERS & WELDERS UNION, LOCAL 918\nJOB CALL #25-117\nClassification: Journeyman Welder"),
    ).toBe("Journeyman Welder");
    expect(title("Position: Secondary Mathematics Teacher – Permanent, 1.0 FTE")).toBe(
      "Secondary Mathematics Teacher",
    );
    expect(title("Nous recherchons un(e) Chargé(e) de marketing qui rejoindra notre pôle")).toBe(
      "Chargé(e) de marketing",
    );
    expect(title("Gardening at the Old Mill\nCome and grow with us")).toBe("Gardening at the Old Mill");
  });
});
