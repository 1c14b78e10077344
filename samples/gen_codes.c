/* The code lists of gen-samples, exactly the contract's, with the weights
 * clients are drawn by, and the occupations jobs are drawn from.  The enums
 * that index them are in gen_world.h. */
#include "gen_world.h"

/* ---------- code lists (exactly the contract's) ---------- */

const char *const services[] = {"ips", "group", "coaching_environment", "other"};
const char *const exits[] = {"employed_open", "employed_subsidized", "work_trial",
    "education", "rehabilitation", "sick_leave", "pension", "other_service", "moved",
    "declined", "no_contact", "other"};
const int exit_w_ips[] = {0, 0, 40, 150, 120, 55, 20, 70, 35, 70, 100, 25};
const int exit_w_env[] = {0, 0, 150, 120, 100, 40, 10, 150, 20, 40, 60, 30};
const char *const sources[] = {"social_work", "disability_services", "mental_health",
    "work_ability_team", "employment_services", "self", "other"};
const char *const levels[] = {"intensive", "basic", "light"};
const char *const kinds_c[] = {"client", "employer", "network", "benefits", "other"};
const char *const bys[] = {"coach", "client", "both"};
const char *const settings[] = {"office", "community", "workplace", "home", "remote"};
const char *const end_reasons[] = {"quit", "dismissed", "fixed_term_ended", "other"};
const char *const statuses[] = {"rated", "not_applicable", "not_rated"};

const char *const segments[] = {"mental_health", "disability", "long_term_unemployed",
    "immigrant", "youth", "other"};
const int segment_w[] = {350, 150, 250, 100, 110, 40};
/* referral_source weights per segment, in the order of sources[] */
const int source_w[6][7] = {{20, 2, 60, 8, 5, 3, 2}, {15, 60, 5, 10, 5, 3, 2},
    {30, 2, 5, 25, 33, 3, 2}, {35, 2, 3, 5, 50, 3, 2}, {40, 5, 10, 5, 25, 12, 3},
    {30, 10, 10, 10, 20, 10, 10}};
const char *const munis[] = {"Lahti", "Hollola", "Orimattila", "Heinola", "Kärkölä",
    "Asikkala", "Iitti", "Padasjoki", "Sysmä", "Hartola"};
const int muni_w[] = {450, 120, 120, 90, 40, 40, 35, 20, 20, 15};

/* ---------- occupations (Ammattiluokitus 2010 / ISCO-08) ---------- */

const occupation occs[] = {
    {"Myyjä", "5223", B(K_SHOP), 60}, {"Kassamyyjä", "5230", B(K_SHOP), 30},
    {"Varastotyöntekijä", "9333", B(K_WARE) | B(K_SHOP), 50},
    {"Siivooja", "9112", B(K_CLEAN) | B(K_HOTEL) | B(K_CITY), 70},
    {"Laitoshuoltaja", "91122", B(K_COUNTY) | B(K_CARE) | B(K_CLEAN), 30},
    {"Kokki", "5120", B(K_FOOD) | B(K_HOTEL), 35}, {"Kokki, kylmäkeittiö", "5120", B(K_FOOD), 8},
    {"Keittiöapulainen", "9412", B(K_FOOD) | B(K_CITY) | B(K_CARE), 45},
    {"Tarjoilija", "5131", B(K_FOOD) | B(K_HOTEL), 20},
    {"Hoiva-avustaja", "5329", B(K_CARE) | B(K_COUNTY), 35},
    {"Lähihoitaja", "5321", B(K_CARE) | B(K_COUNTY), 20},
    {"Kiinteistönhoitaja", "5153", B(K_PROP) | B(K_CITY), 30}, {"Rakennusapumies", "9313", B(K_BUILD), 20},
    {"Maalari", "7131", B(K_BUILD), 8}, {"Kuorma-autonkuljettaja", "8332", B(K_TRANS), 10},
    {"Jakelija", "9621", B(K_TRANS) | B(K_WARE), 15}, {"Leipuri", "7512", B(K_BAKE), 8},
    {"Autonasentaja", "7231", B(K_AUTO), 8}, {"Hitsaaja", "7212", B(K_METAL), 8},
    {"Koneistaja", "7223", B(K_METAL), 5}, {"Puutarhatyöntekijä", "6113", B(K_GARDEN) | B(K_CITY), 20},
    {"Pesulatyöntekijä", "8157", B(K_LAUNDRY) | B(K_COUNTY), 12}, {"Puuseppä", "7522", B(K_WOOD), 6},
    {"Toimistoavustaja", "4110", B(K_OFFICE) | B(K_CITY) | B(K_THIRD), 20},
    {"Asiakaspalvelija", "4222", B(K_OFFICE) | B(K_SHOP), 20},
    {"Ohjelmistokehittäjä", "2512", B(K_OFFICE), 4}, {"Kierrätystyöntekijä", "9612", B(K_THIRD), 15},
    {"Kerroshoitaja", "9111", B(K_HOTEL), 10}, {"Koulunkäynninohjaaja", "5312", B(K_CITY), 8},
    {"Tuotantotyöntekijä", "9329", B(K_METAL) | B(K_WOOD) | B(K_BAKE), 20},
    {"Vahtimestari", "9629", B(K_CITY) | B(K_COUNTY), 6}, {"Pakkaaja", "9321", B(K_WARE) | B(K_BAKE), 15},
};

/* The lengths other parts use (gen_world.h). */
_Static_assert(COUNT(exits) == N_EXITS && COUNT(exit_w_ips) == N_EXITS && COUNT(exit_w_env) == N_EXITS,
               "exit reasons and their weights");
_Static_assert(COUNT(segments) == N_SEGMENTS && COUNT(segment_w) == N_SEGMENTS
               && COUNT(source_w) == N_SEGMENTS, "segments and their weights");
_Static_assert(COUNT(munis) == N_MUNIS && COUNT(muni_w) == N_MUNIS, "municipalities and their weights");
_Static_assert(COUNT(occs) == N_OCCS, "occupations");
