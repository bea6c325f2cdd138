export { appCountriesRoute as GET } from "@/lib/api/ratings-routes";
