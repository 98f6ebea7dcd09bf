import type { SkillDefinition } from "./types.ts";

/** Logistics, supply chain and operations. */
export const logisticsSkills: SkillDefinition[] = [
  { name: "Supply Chain Management", aliases: ["Supply Chain", "SCM"] },
  { name: "Inventory Management", aliases: ["Inventory Control"] },
  {
    name: "Warehouse Management",
    aliases: ["WMS", "Warehouse Management System", "Warehouse Management Systems"],
  },
  { name: "Logistics", aliases: ["Logistics Management"] },
  { name: "Procurement", aliases: ["Purchasing", "Strategic Sourcing"] },
  { name: "Vendor Management", aliases: ["Supplier Management", "Supplier Relationship Management"] },
  { name: "Demand Planning" },
  { name: "ERP", aliases: ["Enterprise Resource Planning", "ERP Systems"] },
  { name: "Forklift Operation", aliases: ["Forklift", "Forklift Certified", "Forklift Certification"] },
  {
    name: "CDL",
    aliases: ["Commercial Driver's License", "Commercial Drivers License", "CDL Class A", "Class A CDL"],
  },
  { name: "Shipping and Receiving", aliases: ["Shipping & Receiving"] },
  { name: "Order Fulfillment", aliases: ["Order Fulfilment", "Fulfillment"] },
  { name: "Route Planning", aliases: ["Route Optimization", "Route Optimisation"] },
  { name: "Transportation Management", aliases: ["TMS", "Transportation Management System"] },
  { name: "Fleet Management" },
  { name: "Kaizen" },
  { name: "5S" },
  { name: "Process Improvement", aliases: ["Process Optimization", "Business Process Improvement"] },
  { name: "Continuous Improvement" },
  { name: "KPIs", aliases: ["KPI", "Key Performance Indicators"] },
  { name: "Operations Management" },
  { name: "Customs Compliance", aliases: ["Customs Clearance", "Customs Brokerage"] },
  { name: "Import/Export", aliases: ["Import and Export", "Imports and Exports"] },
  { name: "Incoterms" },
  { name: "Cycle Counting", aliases: ["Cycle Counts"] },
  { name: "Material Handling", aliases: ["Materials Handling"] },
  { name: "Last-Mile Delivery", aliases: ["Last Mile Delivery", "Last-Mile Logistics"] },
];
