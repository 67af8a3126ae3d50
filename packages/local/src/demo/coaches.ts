import type { CoachInput } from "@coachflow/core/coaches/schema";

/** A demo coach and the load they start with (how many clients they already coach). */
export interface DemoCoach {
  input: CoachInput;
  activeClients: number;
}

const calendly = (slug: string) => ({
  bookingProvider: "calendly" as const,
  bookingUrl: `https://calendly.com/${slug}/intro-session`,
  pricingUrl: `https://coaching.example.com/${slug}/pricing`,
});
const calcom = (slug: string) => ({
  bookingProvider: "calcom" as const,
  bookingUrl: `https://cal.com/${slug}/intro`,
  pricingUrl: `https://coaching.example.com/${slug}/pricing`,
});

/** Ten invented coaches with varied specialties, languages, time zones, styles and loads. */
export const DEMO_COACHES: readonly DemoCoach[] = [
  {
    activeClients: 3,
    input: {
      name: "Ada Mensah",
      email: "ada.mensah@coaches.example.com",
      bio: "Engineering manager turned coach. Ten years leading platform teams in Accra and London; helps new tech leads find their footing, delegate and manage up.",
      specialties: ["first-time-manager", "delegation", "managing-up", "leadership"],
      languages: ["en"],
      timezone: "Europe/London",
      capacity: 8,
      style: "supportive",
      seniorityLevels: ["senior", "lead", "manager"],
      active: true,
      ...calendly("ada-mensah"),
    },
  },
  {
    activeClients: 5,
    input: {
      name: "Ravi Iyer",
      email: "ravi.iyer@coaches.example.com",
      bio: "Staff engineer and long-time mentor. Practical and structured: technical strategy, architecture decisions and growing into staff-plus roles.",
      specialties: ["technical-strategy", "career-growth", "promotion", "stakeholder-management"],
      languages: ["en", "hi"],
      timezone: "Asia/Kolkata",
      capacity: 6,
      style: "structured",
      seniorityLevels: ["senior", "staff", "lead"],
      active: true,
      ...calcom("ravi-iyer"),
    },
  },
  {
    activeClients: 2,
    input: {
      name: "Lucía Fernández",
      email: "lucia.fernandez@coaches.example.com",
      bio: "Former VP of Engineering in Madrid and Buenos Aires. Coaches managers through conflict, hard feedback and building healthy teams.",
      specialties: ["conflict", "feedback", "team-building", "leadership"],
      languages: ["es", "en"],
      timezone: "Europe/Madrid",
      capacity: 10,
      style: "challenging",
      seniorityLevels: ["manager", "director", "executive"],
      active: true,
      ...calendly("lucia-fernandez"),
    },
  },
  {
    activeClients: 1,
    input: {
      name: "Tomás Oliveira",
      email: "tomas.oliveira@coaches.example.com",
      bio: "Engineer and certified coach in São Paulo. Helps people speak up in meetings, present with confidence and deal with imposter syndrome.",
      specialties: ["communication", "public-speaking", "imposter-syndrome"],
      languages: ["pt", "es", "en"],
      timezone: "America/Sao_Paulo",
      capacity: 8,
      style: "exploratory",
      seniorityLevels: ["junior", "mid", "senior"],
      active: true,
      ...calcom("tomas-oliveira"),
    },
  },
  {
    activeClients: 4,
    input: {
      name: "Hannah Becker",
      email: "hannah.becker@coaches.example.com",
      bio: "Engineering leader in Berlin with a background in organisational psychology. Focus on change management, hiring and scaling teams.",
      specialties: ["change-management", "hiring", "team-building", "stakeholder-management"],
      languages: ["de", "en"],
      timezone: "Europe/Berlin",
      capacity: 6,
      style: "structured",
      seniorityLevels: ["lead", "manager", "director"],
      active: true,
      ...calendly("hannah-becker"),
    },
  },
  {
    activeClients: 2,
    input: {
      name: "Marcus Johnson",
      email: "marcus.johnson@coaches.example.com",
      bio: "Twenty years in Bay Area startups, from engineer to CTO. Coaches on career growth, promotions and finding a sustainable pace.",
      specialties: ["career-growth", "promotion", "work-life-balance", "productivity"],
      languages: ["en"],
      timezone: "America/Los_Angeles",
      capacity: 12,
      style: "practical",
      seniorityLevels: ["mid", "senior", "staff", "lead"],
      active: true,
      ...calcom("marcus-johnson"),
    },
  },
  {
    activeClients: 7,
    input: {
      name: "Mei Chen",
      email: "mei.chen@coaches.example.com",
      bio: "Engineering director in Singapore. Works with new managers on leadership presence, communication across cultures and managing up.",
      specialties: ["leadership", "communication", "managing-up", "first-time-manager"],
      languages: ["en", "zh"],
      timezone: "Asia/Singapore",
      capacity: 7,
      style: "supportive",
      seniorityLevels: ["lead", "manager", "director"],
      active: true,
      ...calendly("mei-chen"),
    },
  },
  {
    activeClients: 0,
    input: {
      name: "Claire Dubois",
      email: "claire.dubois@coaches.example.com",
      bio: "Product-minded engineering manager in Paris. Helps tech leads prioritise, say no and keep their teams focused.",
      specialties: ["productivity", "delegation", "stakeholder-management", "feedback"],
      languages: ["fr", "en"],
      timezone: "Europe/Paris",
      capacity: 5,
      style: "exploratory",
      seniorityLevels: ["senior", "lead", "manager"],
      active: true,
      ...calcom("claire-dubois"),
    },
  },
  {
    activeClients: 3,
    input: {
      name: "Kenji Watanabe",
      email: "kenji.watanabe@coaches.example.com",
      bio: "Principal engineer in Tokyo. Coaches on technical strategy, influence without authority and the staff engineer path.",
      specialties: ["technical-strategy", "leadership", "career-growth"],
      languages: ["ja", "en"],
      timezone: "Asia/Tokyo",
      capacity: 4,
      style: "challenging",
      seniorityLevels: ["senior", "staff"],
      active: true,
      ...calendly("kenji-watanabe"),
    },
  },
  {
    activeClients: 6,
    input: {
      name: "Sarah O'Neill",
      email: "sarah.oneill@coaches.example.com",
      bio: "Coach and former engineering manager in New York, currently on sabbatical and not taking new clients.",
      specialties: ["work-life-balance", "conflict", "imposter-syndrome"],
      languages: ["en"],
      timezone: "America/New_York",
      capacity: 6,
      style: "supportive",
      seniorityLevels: ["junior", "mid", "senior"],
      active: false,
      ...calendly("sarah-oneill"),
    },
  },
];
