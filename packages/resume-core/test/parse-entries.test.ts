import { describe, expect, it } from "vitest";
import { parseResumeText } from "../src/parse.ts";

const roles = (text: string) =>
  parseResumeText(text).experience.map(({ title, company, startDate, endDate, location, bullets }) => ({
    title,
    company,
    startDate,
    endDate,
    location,
    bullets,
  }));

describe("parseResumeText: contact details", () => {
  it("reads labelled contact lines, drops credentials from the name, keeps links", () => {
    const resume = parseResumeText(
      [
        "JOHN SMITH, CPA, MBA",
        "Address: 12 Elm St, Springfield, IL 62704",
        "Phone: 555.123.4567 | Email: john.smith@example.net",
        "https://johnsmith.example.com/portfolio · www.github.com/jsmith",
        "Summary",
        "Accountant.",
      ].join("\n"),
    );
    expect(resume.contact).toEqual({
      name: "JOHN SMITH",
      email: "john.smith@example.net",
      phone: "555.123.4567",
      location: "Springfield, IL 62704",
      links: ["https://johnsmith.example.com/portfolio", "www.github.com/jsmith"],
    });
  });

  it("ends an email at its domain when the next column's heading runs into it", () => {
    expect(parseResumeText("Sam Roe\nsam.roe@example.comSummary\nSkills\nGo").contact.email).toBe(
      "sam.roe@example.com",
    );
    expect(parseResumeText("SAM ROE\nSAM@EXAMPLE.COM\nSkills\nGo").contact.email).toBe("SAM@EXAMPLE.COM");
  });

  it("never takes a year range for a phone number", () => {
    const resume = parseResumeText("Sam Roe\nsam@example.com\nEducation\nState College, 2012 - 2016");
    expect(resume.contact.phone).toBeUndefined();
  });
});

describe("parseResumeText: experience layouts", () => {
  it("keeps a title's own comma when the line under it names the employer in two parts", () => {
    const text = [
      "Experience",
      "Special Education Teacher, Learning Center (Resource Room)",
      "Cedar Creek K–8 School, Willamette Heights School District, Portland, OR",
      "Aug 2023 – Present",
      "- Case manager for 19 students",
    ].join("\n");
    expect(parseResumeText(text).experience[0]).toMatchObject({
      title: "Special Education Teacher, Learning Center (Resource Room)",
      company: "Cedar Creek K–8 School, Willamette Heights School District",
      location: "Portland, OR",
    });
  });

  it("reads 'Company | Title | dates' and 'Title at Company' with a dates line", () => {
    expect(
      roles(
        [
          "Experience",
          "Acme Corp | Product Designer | Feb 2020 – Present",
          "- Designed the onboarding flow",
          "UX Intern at Globex Inc",
          "Summer 2019",
          "- Ran 12 usability tests",
        ].join("\n"),
      ),
    ).toEqual([
      {
        title: "Product Designer",
        company: "Acme Corp",
        startDate: "Feb 2020",
        endDate: "Present",
        location: undefined,
        bullets: ["Designed the onboarding flow"],
      },
      {
        title: "UX Intern",
        company: "Globex Inc",
        startDate: "Summer 2019",
        endDate: "Summer 2019",
        location: undefined,
        bullets: ["Ran 12 usability tests"],
      },
    ]);
  });

  it("reads dates before the role, and a company line over several roles", () => {
    expect(
      roles(
        [
          "Work History",
          "Jan 2015 – Dec 2017",
          "Dispatcher, Rapid Freight LLC",
          "- Routed 40 trucks a day",
          "Blue Line Logistics, Denver, CO",
          "Operations Manager  2021 – Present",
          "- Ran a 3-shift cross-dock",
          "Operations Supervisor  2018 – 2021",
          "- Cut dock-to-stock time by 30%",
        ].join("\n"),
      ).map(({ title, company, startDate, endDate, location }) => ({
        title,
        company,
        startDate,
        endDate,
        location,
      })),
    ).toEqual([
      {
        title: "Dispatcher",
        company: "Rapid Freight LLC",
        startDate: "Jan 2015",
        endDate: "Dec 2017",
        location: undefined,
      },
      {
        title: "Operations Manager",
        company: "Blue Line Logistics",
        startDate: "2021",
        endDate: "Present",
        location: "Denver, CO",
      },
      {
        title: "Operations Supervisor",
        company: "Blue Line Logistics",
        startDate: "2018",
        endDate: "2021",
        location: undefined,
      },
    ]);
  });

  it("joins wrapped bullet lines and keeps unmarked achievement lines as bullets", () => {
    const [role] = roles(
      [
        "Experience",
        "Teacher — Hillside Elementary",
        "Sept 2016 – June 2020",
        "- Planned daily lessons for a class of 28 students, aligning every unit with",
        "state standards and district pacing guides",
        "Introduced reading circles that raised scores by 15%",
      ].join("\n"),
    );
    expect(role?.bullets).toEqual([
      "Planned daily lessons for a class of 28 students, aligning every unit with state standards and district pacing guides",
      "Introduced reading circles that raised scores by 15%",
    ]);
  });

  it("reads roles without dates when bullets follow them", () => {
    expect(
      roles(
        "Experience\nBarista — Corner Cafe\n- Served 300 guests a day\nHost, The Grill\n- Seated guests",
      ).map(({ title, company }) => ({ title, company })),
    ).toEqual([
      { title: "Barista", company: "Corner Cafe" },
      { title: "Host", company: "The Grill" },
    ]);
  });

  it("reads 'Title — Company' by its em dash first, long or not, and service in the forces", () => {
    const text = [
      "Experience",
      "Travel RN, Progressive Care Unit — Harbor Point Medical Center (via Meridian Travel Staffing)",
      "Apr 2024 – Present | San Diego, CA",
      "• 13-week contract, extended twice",
      "Utilities Equipment Repairer (MOS 91C) — U.S. Army",
      "Jun 2012 – Jun 2016 | Fort Stewart, Georgia",
      "• Kept generators running",
      "Event Coordinator — The Foundry at Riverside",
      "Oct 2021 – Present | Nashville, TN",
      "Catering Manager",
      "The Foundry at Riverside, Nashville, TN\tOct 2019 – Sep 2021",
      "Representante de Ventas — Suministros Industriales del Bajío S.A. de C.V.",
      "feb. 2021 – Actualidad | Guadalajara, Jalisco",
      "Data Analyst — Voyagélia",
      "sept. 2021 – aujourd'hui | Lyon",
      "Backend Engineer",
      "2019 – 2021 | Stripe",
      "Clinical Rotation – Pediatrics — St. Ansel Medical Center",
      "Sep 2026 – Present | Baltimore, MD",
    ].join("\n");
    expect(roles(text).map(({ title, company }) => ({ title, company }))).toEqual([
      {
        title: "Travel RN, Progressive Care Unit",
        company: "Harbor Point Medical Center (via Meridian Travel Staffing)",
      },
      { title: "Utilities Equipment Repairer (MOS 91C)", company: "U.S. Army" },
      { title: "Event Coordinator", company: "The Foundry at Riverside" },
      { title: "Catering Manager", company: "The Foundry at Riverside" },
      { title: "Representante de Ventas", company: "Suministros Industriales del Bajío S.A. de C.V." },
      { title: "Data Analyst", company: "Voyagélia" },
      { title: "Backend Engineer", company: "Stripe" },
      { title: "Clinical Rotation – Pediatrics", company: "St. Ansel Medical Center" },
    ]);
    expect(roles(text).find((role) => role.company === "Voyagélia")?.location).toBe("Lyon");
    expect(roles(text).find((role) => role.company === "Stripe")?.location).toBeUndefined();
  });

  it("gives a role the dates set beside its first bullet, and leaves a bullet's own years in it", () => {
    const text = [
      "Experience",
      "Travel RN, Telemetry",
      "St. Brendan's Hospital (via Meridian Travel Staffing), Tacoma, WA",
      "- Covered a 36-bed telemetry unit during a winter\tOct 2023 – Jan 2024",
      "- Floated to ortho and oncology",
      "Sales Engineer\t03/2021 – Present",
      "Vaultline",
      "- Supported $14.5M in closed-won new ARR in 2023–2024",
    ].join("\n");
    expect(
      roles(text).map(({ title, startDate, endDate, bullets }) => ({ title, startDate, endDate, bullets })),
    ).toEqual([
      {
        title: "Travel RN, Telemetry",
        startDate: "Oct 2023",
        endDate: "Jan 2024",
        bullets: ["Covered a 36-bed telemetry unit during a winter", "Floated to ortho and oncology"],
      },
      {
        title: "Sales Engineer",
        startDate: "03/2021",
        endDate: "Present",
        bullets: ["Supported $14.5M in closed-won new ARR in 2023–2024"],
      },
    ]);
  });
});

describe("parseResumeText: skills", () => {
  it("reads a 'Languages' line over programming languages as a group of the skills, over spoken ones as a section", () => {
    const skills = "Skills\nLanguages\n- Go\n- Java\n- SQL\n\nInfrastructure\n- Kubernetes";
    const resume = parseResumeText(`Dana Doe\ndana@example.com\n${skills}\n\nLanguages\n- English\n- Polish`);
    expect(resume.skills).toEqual(["Go", "Java", "SQL", "Kubernetes"]);
    expect(resume.otherSections).toEqual({ Languages: ["English", "Polish"] });
  });
});

describe("parseResumeText on fields set apart on one line", () => {
  it("reads the company under the title, apart from its city, and keeps no tab in any value", () => {
    const resume = parseResumeText(
      [
        "Ines Varga",
        "ines.varga@example.com",
        "",
        "Experience",
        "Quality Engineer      04/2020 - Present",
        "Tollway Instruments      Graz, Austria",
        "- Cut warranty returns by a third      with a new end-of-line test",
      ].join("\n"),
    );
    expect(resume.experience).toMatchObject([
      { title: "Quality Engineer", company: "Tollway Instruments", location: "Graz, Austria" },
    ]);
    expect(JSON.stringify({ ...resume, text: "" })).not.toContain("\\t");
  });
});
