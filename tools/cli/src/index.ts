export { repositoryRoot } from "./paths.ts";
