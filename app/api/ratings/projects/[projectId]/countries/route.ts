export { projectCountriesRoute as GET } from "@/lib/api/ratings-routes";
