package netcode

import "github.com/osarena/osarena/sim/quiz"

// sample is one message of each type, every field set, for round trips,
// fuzz seeds and benchmarks.
type sample struct {
	t   Type
	msg any // a pointer, as Decode returns
}

func samples() []sample {
	text := quiz.T("@q.replace.victim", "policy", "@policy.lru", "frames", "3", "ref", "7")
	settings := Settings{Topics: []string{"replace", "disk"}, Difficulty: 3, Rounds: 10, Seconds: 20, Timed: true, Lang: "ko", Chain: 2}
	players := []Player{
		{ID: 1, Nickname: "김철수", Host: true, Connected: true, Score: 2450, Streak: 3},
		{ID: 2, Nickname: "ada", Connected: false, Score: -1, Streak: 0},
	}
	question := Question{
		Family: "replace.victim", Difficulty: 3,
		Scenario: []byte(`{"kind":"replace","policy":"lru","frames":3,"refs":[7,0,1,2,0,3]}`),
		Step:     4, Prompt: text, Kind: "choice", Slots: 1,
		Choices: []Choice{{Value: 7, Label: quiz.T("@page", "n", "7")}, {Value: 0, Label: quiz.T("@page", "n", "0")}},
		Unit:    "@unit.page",
		Rules:   []quiz.Rule{{Name: "lfu.tie", Value: "lru"}},
	}
	studySetup := StudySetup{Sim: StudyDisk, Policy: "cscan", Frames: 3, Cylinders: 200, Head: 53, Direction: "up"}
	return []sample{
		{TypeHello, &Hello{Protocol: ProtocolVersion, Sim: 1, Resume: "tok-123", Lang: "en", Device: "dev-0f3a"}},
		{TypeWelcome, &Welcome{Session: "s-abc", ServerMs: 1767225600123, Resumed: true, GraceMs: 60000, MaxPerSec: 20, MaxMsgSize: 65536}},
		{TypePing, &Ping{ClientMs: 1767225600000}},
		{TypePong, &Pong{ClientMs: 1767225600000, ServerMs: 1767225600042}},
		{TypeError, &Error{Code: ErrRoomFull, About: TypeJoinRoom}},
		{TypeCreateRoom, &CreateRoom{Nickname: "host", Settings: settings}},
		{TypeJoinRoom, &JoinRoom{Code: "ABCDEF", Nickname: "민수"}},
		{TypeLeaveRoom, &LeaveRoom{}},
		{TypeRoomJoined, &RoomJoined{Code: "ABCDEF", PlayerID: 7, HostToken: "ht-9"}},
		{TypeRoomState, &RoomState{Code: "ABCDEF", Phase: PhaseReveal, Locked: true, Settings: settings, Players: players, Round: 4}},
		{TypeUpdateSettings, &UpdateSettings{Settings: settings}},
		{TypeKick, &Kick{PlayerID: 2}},
		{TypeLock, &Lock{Locked: true}},
		{TypeStartMatch, &StartMatch{}},
		{TypeNext, &Next{}},
		{TypeRoundStart, &RoundStart{Round: 2, Rounds: 10, Question: question, StartMs: 1767225600500, DeadlineMs: 1767225620500}},
		{TypeAnswer, &Answer{Round: 2, Values: []int64{7, -1, 1 << 40}}},
		{TypeAnswerAck, &AnswerAck{Round: 2, Accepted: false, Reason: ErrLate}},
		{TypeAnswered, &Answered{Round: 2, Count: 3, Of: 5}},
		{TypeReveal, &Reveal{Round: 2, Answer: []int64{7}, Explanation: text, Results: []Result{
			{PlayerID: 1, Answered: true, Values: []int64{7}, Credit: 1000, Points: 812, Score: 2450, Streak: 3, ElapsedMs: 3760},
			{PlayerID: 2, Answered: true, Values: []int64{0}, Points: 0, Score: -1, ElapsedMs: 9000, Why: quiz.T("@why.fifo")},
		}}},
		{TypePodium, &Podium{Summaries: []Summary{{PlayerID: 1, Nickname: "김철수", Rank: 1, Score: 9000, Correct: 9, Answered: 10, AvgMs: 4100, BestTopic: "disk"}}}},
		{TypeCreateTournament, &CreateTournament{Name: "OS cup", Format: FormatSingle, ThirdPlace: true, Rounds: 3, Seeding: SeedHand, Duel: settings, Async: true, DeadlineSec: 86400, StartMs: 1767225600000}},
		{TypeTournamentCreated, &TournamentCreated{Code: "ABCDEF", HostToken: "ht-1"}},
		{TypeJoinTournament, &JoinTournament{Code: "ABCDEF", Nickname: "민수"}},
		{TypeWatchTournament, &WatchTournament{Code: "ABCDEF"}},
		{TypeStartTournament, &StartTournament{Code: "ABCDEF", HostToken: "ht-1", Order: []int64{3, 1, 2}}},
		{TypeTournamentState, &TournamentState{Code: "ABCDEF", Name: "OS cup", Format: FormatSingle, Phase: TourRunning, Async: true,
			Entrants: []Entrant{{ID: 3, Nickname: "ada", Seed: 1}, {ID: 1, Nickname: "김철수", Seed: 2}},
			Matches: []BracketMatch{{ID: 1, Bracket: "winners", Round: 1, Slot: 0, Players: []int16{0, 1}, Status: "done", Winner: 1,
				Walkover: true, Scores: []int32{800, 1200}, TimesMs: []int64{9000, 7000}, DeadlineMs: 1767225600500, Room: "QWERTY"}},
			Standings: []Standing{{Entrant: 1, Place: 1, Played: 1, Wins: 1, Score: 1, Buchholz: 0.5}, {Entrant: 0, Place: 2, Played: 1, Losses: 1, Eliminated: true}},
			Champion:  1, StartMs: 1767225600000, StartLapsed: true, DeadlineSec: 86400}},
		{TypeCorrectResult, &CorrectResult{Code: "ABCDEF", HostToken: "ht-1", MatchID: 1, Winner: 3}},
		{TypeReadyDuel, &ReadyDuel{Code: "ABCDEF", MatchID: 1}},
		{TypeCreateStudy, &CreateStudy{Nickname: "민수", Setup: studySetup}},
		{TypeJoinStudy, &JoinStudy{Code: "ABCDEF", Nickname: "ada"}},
		{TypePropose, &Propose{Input: 183}},
		{TypePredict, &Predict{Value: -2}},
		{TypeStep, &Step{}},
		{TypeBack, &Back{}},
		{TypeForward, &Forward{}},
		{TypeStudyState, &StudyState{Code: "ABCDEF", Setup: studySetup,
			Members: []StudyMember{{ID: 1, Nickname: "김철수", Initial: "김", Host: true, Connected: true}, {ID: 2, Nickname: "ada", Initial: "A"}},
			Steps: []StudyStep{
				{Input: 98, Answer: 98, Victim: -1, Path: []int32{53, 98}, Direction: "up",
					Predictions: []StudyPrediction{{Member: 1, Value: 98}, {Member: 2, Value: 183}}, Explanation: text},
				{Input: 14, Answer: 14, Hit: true, Victim: 7, Path: []int32{98, 199, 0, 14}, Jump: []int32{199, 0}, Direction: "up"},
			},
			Queue: []int32{183, 37}, Cursor: 2, Predictions: []StudyPrediction{{Member: 2, Value: 37}}}},
		{TypeGetStats, &GetStats{Days: 91, UTCOffsetMin: 540}},
		{TypeStats, &Stats{Days: 91, UTCOffsetMin: -300, Lines: []StatLine{
			{Topic: "replace", Day: 20454, Asked: 10, Answered: 9, Correct: 7, Credit: 7500, ElapsedMs: 81234},
			{Topic: "tlb", Day: 20455, Asked: 3, Answered: 3, Correct: 3, Credit: 3000, ElapsedMs: 12000},
		}}},
	}
}
