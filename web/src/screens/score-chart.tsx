import type { Match } from "../api/client.ts";

/** The parts of the score, in the order and with the weights the API documents. */
const PARTS: { key: keyof Match["breakdown"]; label: string; weight: number }[] = [
  { key: "keywordCoverage", label: "Keywords", weight: 0.25 },
  { key: "fieldFit", label: "Field", weight: 0.25 },
  { key: "skillsCoverage", label: "Skills", weight: 0.2 },
  { key: "roleFit", label: "Role", weight: 0.15 },
  { key: "experienceFit", label: "Experience", weight: 0.1 },
  { key: "sectionCompleteness", label: "Sections", weight: 0.05 },
];

const ROW = 28;
const LABEL = 110;
const BAR = 240;

/** The breakdown as a bar chart (each part 0–100), with the same figures as text for screen readers. */
export function ScoreChart({ breakdown }: { breakdown: Match["breakdown"] }) {
  const height = PARTS.length * ROW;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${LABEL + BAR + 60} ${height}`}
        width="100%"
        style={{ maxWidth: "28rem" }}
        role="img"
        aria-labelledby="score-chart-caption"
      >
        <title>Score breakdown</title>
        {PARTS.map((part, index) => {
          const value = Math.max(0, Math.min(100, breakdown[part.key]));
          const y = index * ROW;
          return (
            <g key={part.key}>
              <text x={0} y={y + 18} className="chart-label">
                {part.label}
              </text>
              <rect x={LABEL} y={y + 6} width={BAR} height={16} rx={3} className="chart-track" />
              <rect
                x={LABEL}
                y={y + 6}
                width={(BAR * value) / 100}
                height={16}
                rx={3}
                className="chart-bar"
              />
              <text x={LABEL + BAR + 8} y={y + 18} className="chart-label">
                {Math.round(value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="score-chart-caption">
        {PARTS.map(
          (part) => `${part.label} ${Math.round(breakdown[part.key])} of 100 (weight ${part.weight})`,
        ).join("; ")}
      </figcaption>
    </figure>
  );
}
